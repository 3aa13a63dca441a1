package dev.parley.accounting.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.contracts.accounting.GrantRequest;
import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.Refill;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an admin's user list and detail show of each account: balance, reserved, refill and grants. */
class AccountOverviewIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;
    @Autowired
    GrantService grants;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aPageOfAccountsComesWithBalancesRefillsAndOpenGrants() {
        String first = newUserId();
        String second = newUserId();
        String neverSeen = newUserId();
        accounts.open(second);
        accounts.setRefill(first, new Refill(300, Duration.ofDays(1).toSeconds(), Instant.now(), -1, 0L));
        grants.create(first, new GrantRequest(null, 250, null, Instant.now().plus(Duration.ofDays(30))));
        grants.create(first, new GrantRequest(null, 70, Instant.now().plus(Duration.ofDays(2)), null));
        var http = new InternalHttp(port);

        JsonNode page = json.readTree(http.get("/internal/admin/accounts?ids=" + first + "," + second + ","
                + neverSeen).body());
        JsonNode history = json.readTree(http.get("/internal/admin/accounts/" + first + "/grants").body());

        assertThat(page).hasSize(2);
        JsonNode firstAccount = page.valueStream().filter(node -> node.get("userId").asText().equals(first))
                .findFirst().orElseThrow();
        assertThat(firstAccount.get("balance").asLong()).isEqualTo(STARTING_BALANCE + 250);
        assertThat(firstAccount.get("reserved").asLong()).isZero();
        assertThat(firstAccount.at("/refill/amount").asLong()).isEqualTo(300);
        assertThat(firstAccount.at("/refill/depletionThreshold").asLong()).isZero();
        assertThat(firstAccount.get("grants").valueStream().map(grant -> grant.get("state").asText()))
                .containsExactly("ACTIVE", "SCHEDULED");
        assertThat(history.valueStream().map(grant -> grant.get("amount").asLong())).containsExactlyInAnyOrder(70L, 250L);
    }
}
