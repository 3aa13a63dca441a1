package dev.parley.accounting.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerState;
import dev.parley.events.CallOutcome;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;

/** A member's requests are admitted against, and debited from, the organisation's balance. */
class OrganisationIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    LedgerRepository ledger;
    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void theOrganisationPaysForItsMembers() throws Exception {
        String user = newUserId();
        String organisation = "acme-" + UUID.randomUUID();
        String orgAccount = Account.ofOrganisation(organisation);
        admin("/internal/admin/accounts/" + user + "/organisation", "{\"organisationId\":\"" + organisation + "\"}")
                .andExpect(jsonPath("$.payerId").value(orgAccount));
        admin("/internal/admin/accounts/" + orgAccount + "/balance", "{\"balance\":500}")
                .andExpect(jsonPath("$.balance").value(500));
        var http = new InternalHttp(port);
        String requestId = UUID.randomUUID().toString();

        var admitted = http.post("/internal/reservations", reservation(requestId, user, 400));
        var refused = http.post("/internal/reservations", reservation(UUID.randomUUID().toString(), user, 200));
        assertThat(admitted.statusCode()).isEqualTo(201);
        assertThat(admitted.body()).contains("\"accountId\":\"" + orgAccount + "\"");
        assertThat(refused.statusCode()).isEqualTo(402);

        UsageRecorded usage = UsageRecorded.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(requestId).setUserId(user).setProvider("mock").setModel("mock-1").setInputTokens(100)
                .setOutputTokens(150).setSource(UsageSource.PROVIDER_REPORTED).setOutcome(CallOutcome.COMPLETED)
                .setRecordedAt(Instant.now()).build();
        kafka.send(Topics.USAGE_RECORDED, user, usage).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(usage.getEventId())
                .filter(entry -> entry.state() == LedgerState.APPLIED).isPresent());

        Account paying = accounts.find(orgAccount).orElseThrow();
        assertThat(paying.balance()).isEqualTo(250);
        assertThat(paying.reserved()).isZero();
        assertThat(accounts.find(user).orElseThrow().balance()).isEqualTo(STARTING_BALANCE);
        assertThat(ledger.find(usage.getEventId()).orElseThrow().accountId()).isEqualTo(orgAccount);
    }

    @Test
    void anOrganisationCannotJoinAnOrganisation() throws Exception {
        mvc.perform(put("/internal/admin/accounts/org:a/organisation").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + SERVICE_TOKEN).contentType(MediaType.APPLICATION_JSON).content("{\"organisationId\":\"b\"}"))
                .andExpect(status().isBadRequest());
    }

    private ResultActions admin(String path, String body) throws Exception {
        return mvc.perform(put(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    private static String reservation(String id, String user, long tokens) {
        return """
                {"reservationId":"%s","userId":"%s","model":"mock-1","estimatedInputTokens":%d,"maxOutputTokens":0}"""
                .formatted(id, user, tokens);
    }
}
