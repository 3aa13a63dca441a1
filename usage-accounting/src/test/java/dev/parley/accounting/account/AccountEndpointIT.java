package dev.parley.accounting.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.accounting.IntegrationTest;

/** The internal endpoint and the operations endpoints of the running service, on the real MongoDB. */
class AccountEndpointIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;

    @Test
    void aNewUserGetsAnAccountWithTheStartingBalance() throws Exception {
        String user = newUserId();

        mvc.perform(get("/internal/accounts/{userId}", user).header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(user))
                .andExpect(jsonPath("$.balance").value(STARTING_BALANCE))
                .andExpect(jsonPath("$.startingBalance").value(STARTING_BALANCE))
                .andExpect(jsonPath("$.inputTokens").value(0))
                .andExpect(jsonPath("$.outputTokens").value(0))
                .andExpect(jsonPath("$.debitedTokens").value(0))
                .andExpect(jsonPath("$.updatedAt").isString());

        assertThat(accounts.find(user)).hasValueSatisfying(account -> assertThat(account.balance())
                .isEqualTo(STARTING_BALANCE));
    }

    @Test
    void readingTwiceKeepsTheAccount() throws Exception {
        String user = newUserId();
        accounts.open(user);
        accounts.debit(0, AccountDebit.ofTokens(user, "event-1", 20, 5));

        mvc.perform(get("/internal/accounts/{userId}", user).header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(STARTING_BALANCE - 25))
                .andExpect(jsonPath("$.debitedTokens").value(25));
    }

    @Test
    void aWrongTokenIsRejected() throws Exception {
        mvc.perform(get("/internal/accounts/{userId}", newUserId()).header(HttpHeaders.AUTHORIZATION, "Bearer nope"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
    }

    @Test
    void registrationOpensTheAccountWithItsStartingBalanceOnce() throws Exception {
        String user = newUserId();

        mvc.perform(put("/internal/accounts/{userId}", user).header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startingBalance\": 250}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(250))
                .andExpect(jsonPath("$.startingBalance").value(250));
        // a retry, or any later call, grants nothing again
        mvc.perform(put("/internal/accounts/{userId}", user).header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"startingBalance\": 9999}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balance").value(250));
        mvc.perform(get("/internal/accounts/{userId}", user).header(HttpHeaders.AUTHORIZATION, "Bearer " + SERVICE_TOKEN))
                .andExpect(jsonPath("$.balance").value(250));
        mvc.perform(put("/internal/accounts/{userId}", newUserId()).header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + SERVICE_TOKEN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startingBalance\": -1}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void healthAndPrometheusAreOpenOnTheManagementPortOnly() throws Exception {
        HttpResponse<String> health = fetch(managementPort, "/actuator/health");
        HttpResponse<String> prometheus = fetch(managementPort, "/actuator/prometheus");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("parley_accounting_usage_duplicates_total");
        assertThat(fetch(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> fetch(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
