package dev.parley.ingress.integration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;

@ControllerTest({IntegrationController.class})
class IntegrationControllerTest {

    static final String PATH = "/api/integrations/users/crm-42/quota";
    static final String INTEGRATION = "Bearer " + ControllerTest.INTEGRATION_TOKEN;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QuotaService quotas;

    static MockHttpServletRequestBuilder quota(String authorization, String body) {
        var request = put(PATH).contentType(MediaType.APPLICATION_JSON).content(body);
        return authorization == null ? request : request.header(HttpHeaders.AUTHORIZATION, authorization);
    }

    @Test
    void newExternalUserIsCreatedAndAnswers201ThenKnownOnesAnswer200() throws Exception {
        given(quotas.setQuota(eq("crm-42"), any())).willReturn(new QuotaResponse("crm-42", "u9", 500, 500, true),
                new QuotaResponse("crm-42", "u9", 700, 690, false));

        mvc.perform(quota(INTEGRATION, "{\"balance\":500,\"refill\":{\"amount\":100,\"interval\":\"P1D\"},"
                        + "\"email\":\"ann@example.com\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value("u9"))
                .andExpect(jsonPath("$.created").value(true));
        mvc.perform(quota(INTEGRATION, "{\"balance\":700}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(690))
                .andExpect(jsonPath("$.created").value(false));
    }

    @Test
    void onlyTheIntegrationTokenGetsIn() throws Exception {
        mvc.perform(quota(null, "{\"balance\":500}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        mvc.perform(quota(TestTokens.admin("boss"), "{\"balance\":500}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(quota("Bearer pk_00000000_an-api-key", "{\"balance\":500}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(quota("Bearer wrong-token", "{\"balance\":500}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(quotas);
    }

    @Test
    void theIntegrationTokenIsRefusedEverywhereElse() throws Exception {
        mvc.perform(get("/api/me/usage").header(HttpHeaders.AUTHORIZATION, INTEGRATION))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badInputIsAValidationProblem() throws Exception {
        mvc.perform(quota(INTEGRATION, "{\"balance\":-5,\"email\":\"not-an-email\","
                        + "\"refill\":{\"amount\":1,\"interval\":\"PT1S\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        mvc.perform(put("/api/integrations/users/bad id!/quota").header(HttpHeaders.AUTHORIZATION, INTEGRATION)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"balance\":1}"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(quotas);
    }
}
