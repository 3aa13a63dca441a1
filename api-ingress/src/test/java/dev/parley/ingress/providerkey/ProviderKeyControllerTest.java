package dev.parley.ingress.providerkey;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.platform.problem.ApiProblem;

@ControllerTest(ProviderKeyController.class)
class ProviderKeyControllerTest {

    static final Instant UPDATED = Instant.parse("2025-01-01T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProviderKeyService keys;

    @Test
    void putAnswersTheMaskedKey() throws Exception {
        given(keys.put("u1", "openai", "sk-test-abcd1234")).willReturn(
                new ProviderKeyResponse("openai", "…1234", 1, UPDATED));

        mvc.perform(put("/api/me/provider-keys/openai").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"apiKey\":\"sk-test-abcd1234\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provider").value("openai"))
                .andExpect(jsonPath("$.masked").value("…1234"))
                .andExpect(jsonPath("$.keyVersion").value(1))
                .andExpect(jsonPath("$.updatedAt").value("2025-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.apiKey").doesNotExist());
    }

    @Test
    void tooShortMissingOrSpacedKeysAreValidationProblems() throws Exception {
        for (String body : List.of("{\"apiKey\":\"short\"}", "{}", "{\"apiKey\":\"sk with spaces\"}",
                "{\"apiKey\":\"" + "k".repeat(513) + "\"}")) {
            mvc.perform(put("/api/me/provider-keys/openai").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("apiKey"));
        }
        verifyNoInteractions(keys);
    }

    @Test
    void anUnknownProviderIsAValidationProblem() throws Exception {
        given(keys.put("u1", "mock", "sk-test-abcd1234"))
                .willThrow(ApiProblem.validation("provider", "'mock' is not a catalog provider that takes a key"));

        mvc.perform(put("/api/me/provider-keys/mock").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"apiKey\":\"sk-test-abcd1234\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("provider"));
    }

    @Test
    void listAndDelete() throws Exception {
        given(keys.list("u1")).willReturn(List.of(new ProviderKeyResponse("anthropic", "…wxyz", 2, UPDATED)));

        mvc.perform(get("/api/me/provider-keys").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].provider").value("anthropic"))
                .andExpect(jsonPath("$[0].masked").value("…wxyz"));
        mvc.perform(delete("/api/me/provider-keys/anthropic").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer("u1")))
                .andExpect(status().isNoContent());
    }

    @Test
    void deletingAMissingKeyIs404() throws Exception {
        willThrow(ApiProblem.notFound("No key stored for provider 'openai'")).given(keys).delete("u1", "openai");

        mvc.perform(delete("/api/me/provider-keys/openai").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    @Test
    void anonymousCallersAre401() throws Exception {
        mvc.perform(get("/api/me/provider-keys"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        verifyNoInteractions(keys);
    }
}
