package dev.parley.ingress.apikey;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.auth.UserAuthentication;
import dev.parley.ingress.TestTokens;
import dev.parley.platform.problem.ApiProblem;

@ControllerTest(ApiKeyController.class)
class ApiKeyControllerTest {

    static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiKeyService keys;

    @Autowired
    ApiKeyAuthenticationProvider apiKeys;

    @Test
    void createAnswers201WithTheKeyShownOnce() throws Exception {
        given(keys.create(eq("u1"), any())).willReturn(new CreatedApiKeyResponse("k1", "laptop", "pk_0a1b2c3d",
                "pk_0a1b2c3d_secret", CREATED, null));

        mvc.perform(post("/api/keys").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"laptop\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("k1"))
                .andExpect(jsonPath("$.prefix").value("pk_0a1b2c3d"))
                .andExpect(jsonPath("$.key").value("pk_0a1b2c3d_secret"))
                .andExpect(jsonPath("$.createdAt").value("2025-01-01T00:00:00Z"));
    }

    @Test
    void blankNameOrPastExpiryIsAValidationProblem() throws Exception {
        mvc.perform(post("/api/keys").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"expiresAt\":\"2000-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors.length()").value(2));
        verifyNoInteractions(keys);
    }

    @Test
    void listNeverShowsSecrets() throws Exception {
        given(keys.list("u1")).willReturn(List.of(new ApiKeyResponse("k1", "laptop", "pk_0a1b2c3d", CREATED,
                CREATED.plusSeconds(60), null, true)));

        mvc.perform(get("/api/keys").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].revoked").value(true))
                .andExpect(jsonPath("$[0].lastUsedAt").value("2025-01-01T00:01:00Z"))
                .andExpect(jsonPath("$[0].key").doesNotExist())
                .andExpect(jsonPath("$[0].hash").doesNotExist());
    }

    @Test
    void revokingAForeignOrMissingKeyIsNotFound() throws Exception {
        willThrow(ApiProblem.notFound("API key k9 not found")).given(keys).revoke("u1", "k9");

        mvc.perform(delete("/api/keys/k9").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
        mvc.perform(delete("/api/keys/k1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNoContent());
        verify(keys).revoke("u1", "k1");
    }

    @Test
    void anApiKeyAuthenticatesAsItsOwnerAndAnInvalidOneIsRefused() throws Exception {
        given(apiKeys.authenticate(any())).willAnswer(invocation -> new UserAuthentication("u7", List.of(), null));
        given(keys.list("u7")).willReturn(List.of());
        mvc.perform(get("/api/keys").header(HttpHeaders.AUTHORIZATION, "Bearer pk_0a1b2c3d_secret"))
                .andExpect(status().isOk());
        verify(keys).list("u7");

        given(apiKeys.authenticate(any())).willThrow(new InvalidBearerTokenException("revoked"));
        mvc.perform(get("/api/keys").header(HttpHeaders.AUTHORIZATION, "Bearer pk_0a1b2c3d_revoked"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
    }
}
