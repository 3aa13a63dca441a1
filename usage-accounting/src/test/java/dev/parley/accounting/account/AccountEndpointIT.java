package dev.parley.accounting.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.accounting.IntegrationTest;

/** The internal endpoint and the operations endpoints of the running service, on the real MongoDB. */
class AccountEndpointIT extends IntegrationTest {

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
        accounts.debit(AccountDebit.ofTokens(user, "event-1", 20, 5));

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
    void healthAndPrometheusAreOpen() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("parley_accounting_usage_duplicates_total")));
    }
}
