package dev.parley.accounting.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.account.AccountRepository;
import tools.jackson.databind.ObjectMapper;

/** Outside systems set quotas by their own user ids, with their own token and nothing else. */
class IntegrationEndpointIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    ObjectMapper json;

    @Test
    void setsTheQuotaOfANewAndThenAKnownExternalUser() throws Exception {
        String externalId = "crm-" + UUID.randomUUID();

        String created = setQuota(externalId, INTEGRATION_TOKEN, "{\"balance\":2500}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.balance").value(2_500))
                .andReturn().getResponse().getContentAsString();
        String userId = json.readTree(created).get("userId").asString();
        setQuota(externalId, INTEGRATION_TOKEN, "{\"balance\":40,\"refill\":{\"amount\":100,\"interval\":\"P30D\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(userId))
                .andExpect(jsonPath("$.balance").value(40));

        var account = accounts.find(userId).orElseThrow();
        assertThat(account.balance()).isEqualTo(40);
        assertThat(account.refill().amount()).isEqualTo(100);
    }

    @Test
    void theServiceTokenCannotSetQuotasAndTheIntegrationTokenCannotReachTheRest() throws Exception {
        setQuota("crm-x", SERVICE_TOKEN, "{\"balance\":1}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:forbidden"));
        mvc.perform(get("/internal/accounts/anyone").header(HttpHeaders.AUTHORIZATION, "Bearer " + INTEGRATION_TOKEN))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:forbidden"));
        setQuota("crm-x", "wrong", "{\"balance\":1}").andExpect(status().isUnauthorized());
    }

    @Test
    void aNegativeQuotaIsABadRequestProblem() throws Exception {
        setQuota("crm-" + UUID.randomUUID(), INTEGRATION_TOKEN, "{\"balance\":-1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:bad-request"));
    }

    private ResultActions setQuota(String externalId, String token, String body) throws Exception {
        return mvc.perform(put("/internal/integrations/quota/{externalId}", externalId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
