package dev.parley.accounting.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.parley.contracts.accounting.RefillRequest;
import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Refill;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;

/** Grants apply once when effective and lose their remainder once at expiry; refills happen once per interval. */
class GrantAndRefillIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    GrantService grants;
    @Autowired
    RefillService refills;

    @Test
    void refillsOncePerInterval() {
        String user = newUserId();
        Instant anchor = Instant.parse("2030-01-01T00:00:00Z");
        accounts.setRefill(user, new Refill(700, Duration.ofDays(1).toSeconds(), anchor, -1));

        refills.refillDue(anchor.plusSeconds(10));
        refills.refillDue(anchor.plusSeconds(20));
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE + 700);

        refills.refillDue(anchor.plus(Duration.ofDays(1)).plusSeconds(1));
        refills.refillDue(anchor.plus(Duration.ofDays(1)).plusSeconds(2));
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE + 1_400);
        assertThat(ledger.find("refill:" + user + ":" + anchor.toEpochMilli() + ":1")).hasValueSatisfying(
                entry -> assertThat(entry.state()).isEqualTo(LedgerState.APPLIED));
    }

    @Test
    void missedIntervalsAreEachRefilledOnce() {
        String user = newUserId();
        Instant anchor = Instant.parse("2030-02-01T00:00:00Z");
        accounts.setRefill(user, new Refill(100, Duration.ofHours(1).toSeconds(), anchor, -1));

        refills.refillDue(anchor.plus(Duration.ofHours(3)).plusSeconds(1));
        refills.refillDue(anchor.plus(Duration.ofHours(3)).plusSeconds(2));

        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE + 400);
        assertThat(accounts.find(user).orElseThrow().refill().lastIndex()).isEqualTo(3);
    }

    @Test
    void settingTheSameRefillAgainKeepsItsScheduleSoARetriedCallRefillsNoMore() {
        String user = newUserId();
        var daily = new RefillRequest(50, Duration.ofDays(1));
        Refill first = refills.configure(user, daily).refill();
        refills.refillDue(Instant.now().plusSeconds(1));

        Refill again = refills.configure(user, daily).refill();
        refills.refillDue(Instant.now().plusSeconds(2));

        assertThat(again.anchor()).isEqualTo(first.anchor());
        assertThat(again.lastIndex()).isZero();
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE + 50);

        refills.configure(user, new RefillRequest(70, Duration.ofDays(1)));
        refills.refillDue(Instant.now().plusSeconds(3));
        assertThat(accounts.find(user).orElseThrow().balance()).as("a changed refill is a new schedule")
                .isEqualTo(STARTING_BALANCE + 50 + 70);
    }

    @Test
    void aGrantAppliesOnceWhenEffectiveAndItsRemainderExpiresOnce() throws Exception {
        String user = newUserId();
        String grantId = UUID.randomUUID().toString();
        Instant effective = Instant.now().plus(Duration.ofDays(1));
        Instant expiry = effective.plus(Duration.ofDays(7));
        String body = """
                {"grantId":"%s","amount":2500,"effectiveAt":"%s","expiresAt":"%s"}""".formatted(grantId, effective,
                expiry);

        grant(user, body).andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("SCHEDULED"));
        grant(user, body).andExpect(status().isCreated());
        assertThat(accounts.open(user).balance()).isEqualTo(STARTING_BALANCE);

        grants.processDue(effective.plusSeconds(1));
        grants.processDue(effective.plusSeconds(2));
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE + 2_500);

        grants.processDue(expiry.plusSeconds(1));
        grants.processDue(expiry.plusSeconds(2));
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE);
        assertThat(ledger.find("grant-expiry:" + grantId)).hasValueSatisfying(
                entry -> assertThat(entry.amount()).isEqualTo(2_500));
    }

    @Test
    void anAdminSetsTheBalanceAndTheRefill() throws Exception {
        String user = newUserId();

        mvc.perform(put("/internal/admin/accounts/{id}/balance", user).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"balance\":123}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(123));
        mvc.perform(put("/internal/admin/accounts/{id}/refill", user).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":50,\"interval\":\"P1D\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.interval").value("PT24H"));
        mvc.perform(put("/internal/admin/accounts/{id}/refill", user).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":50,\"interval\":\"PT1S\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:bad-request"));

        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(123);
        assertThat(accounts.find(user).orElseThrow().refill().amount()).isEqualTo(50);
    }

    private ResultActions grant(String user, String body) throws Exception {
        return mvc.perform(post("/internal/admin/accounts/{id}/grants", user)
                .header(HttpHeaders.AUTHORIZATION, bearer()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String bearer() {
        return "Bearer " + SERVICE_TOKEN;
    }
}
