package dev.parley.ingress.config;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.ingress.usage.AccountSnapshot;
import dev.parley.ingress.usage.AccountingClient;

/** Preflights and cross-origin calls with {@code PARLEY_CORS_ORIGINS} set: the allowed origin gets in, others not. */
@ControllerTest
@TestPropertySource(properties = "parley.cors.origins=https://app.example.com, http://localhost:5173")
class CorsTest {

    static final String ALLOWED = "https://app.example.com";
    static final String REFUSED = "https://evil.example.net";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountingClient accounting;

    @Test
    void preflightsFromAnAllowedOriginAreAnsweredForTheApiTheStreamAndV1WithoutAToken() throws Exception {
        for (String path : new String[] {"/api/me/usage", "/api/conversations/c1/messages/m1/stream",
                "/v1/chat/completions", "/api/conversations/c1/messages"}) {
            mvc.perform(preflight(path, ALLOWED, "POST", "authorization,content-type,last-event-id"))
                    .andExpect(status().isOk())
                    .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED))
                    .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, Matchers.containsString("POST")))
                    .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                            Matchers.allOf(Matchers.containsStringIgnoringCase("authorization"),
                                    Matchers.containsStringIgnoringCase("last-event-id"))))
                    .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600"))
                    .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS));
        }
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() throws Exception {
        mvc.perform(preflight("/api/me/usage", REFUSED, "GET", "authorization"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        mvc.perform(preflight("/v1/chat/completions", "https://app.example.com.evil.example.net", "POST",
                        "authorization"))
                .andExpect(status().isForbidden());
    }

    @Test
    void crossOriginAnswersExposeTheStreamHeadersToTheAllowedOriginOnly() throws Exception {
        given(accounting.account("u1")).willReturn(new AccountSnapshot("u1", 1000, 100_000, 0, 0, 0, 0, 0, 1000,
                null, "u1", null, Instant.parse("2025-03-01T00:00:00Z")));

        mvc.perform(get("/api/me/usage").header(HttpHeaders.ORIGIN, ALLOWED)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        Matchers.allOf(Matchers.containsString("Last-Event-ID"), Matchers.containsString("Retry-After"))));
        mvc.perform(get("/api/me/usage").header(HttpHeaders.ORIGIN, REFUSED)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void corsOpensNoPathWithoutAToken() throws Exception {
        mvc.perform(get("/api/me/usage").header(HttpHeaders.ORIGIN, ALLOWED))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED));
    }

    static MockHttpServletRequestBuilder preflight(String path, String origin, String method, String headers) {
        return options(path).header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers);
    }
}
