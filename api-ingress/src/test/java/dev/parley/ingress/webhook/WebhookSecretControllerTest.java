package dev.parley.ingress.webhook;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;

@ControllerTest(WebhookSecretController.class)
class WebhookSecretControllerTest {

    static final String PATH = "/api/me/webhook-secret";
    static final Instant CREATED = Instant.parse("2026-01-10T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WebhookSecrets secrets;

    @Test
    void creatingAnswersTheSecretOnce() throws Exception {
        given(secrets.create("u1")).willReturn(new CreatedWebhookSecretResponse("whsec_abc", CREATED));

        mvc.perform(post(PATH).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value("whsec_abc"))
                .andExpect(jsonPath("$.createdAt").value("2026-01-10T12:00:00Z"));
    }

    @Test
    void readingTellsWhetherOneExistsButNeverTheSecret() throws Exception {
        given(secrets.describe("u1")).willReturn(new WebhookSecretResponse(true, CREATED));
        given(secrets.describe("u2")).willReturn(new WebhookSecretResponse(false, null));

        mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.exists").value(true))
                .andExpect(jsonPath("$.createdAt").value("2026-01-10T12:00:00Z"))
                .andExpect(jsonPath("$.secret").doesNotExist());
        mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.exists").value(false))
                .andExpect(jsonPath("$.createdAt").doesNotExist());
    }

    @Test
    void bothNeedAToken() throws Exception {
        mvc.perform(post(PATH))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        mvc.perform(get(PATH))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(secrets);
    }
}
