package dev.parley.ingress.config;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;

/** Preflights and cross-origin calls with {@code PARLEY_CORS_ORIGINS} set: the allowed origin gets in, others not. */
@ControllerTest(CorsTest.Probe.class)
@Import(CorsTest.Probe.class)
@TestPropertySource(properties = "parley.cors.origins=https://app.example.com, http://localhost:5173")
class CorsTest {

    static final String ALLOWED = "https://app.example.com";
    static final String REFUSED = "https://evil.example.net";

    @Autowired
    MockMvc mvc;

    @Test
    void preflightsFromAnAllowedOriginAreAnsweredForTheApiTheStreamAndV1WithoutAToken() throws Exception {
        for (String path : new String[] {"/api/probe", "/api/conversations/c1/messages/m1/stream",
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
        mvc.perform(preflight("/api/probe", REFUSED, "GET", "authorization"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        mvc.perform(preflight("/v1/chat/completions", "https://app.example.com.evil.example.net", "POST",
                        "authorization"))
                .andExpect(status().isForbidden());
    }

    @Test
    void crossOriginAnswersExposeTheStreamHeadersToTheAllowedOriginOnly() throws Exception {
        mvc.perform(get("/api/probe").header(HttpHeaders.ORIGIN, ALLOWED)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        Matchers.allOf(Matchers.containsString("Last-Event-ID"), Matchers.containsString("Retry-After"))));
        mvc.perform(get("/api/probe").header(HttpHeaders.ORIGIN, REFUSED)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
    }

    @Test
    void corsOpensNoPathWithoutAToken() throws Exception {
        mvc.perform(get("/api/probe").header(HttpHeaders.ORIGIN, ALLOWED))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED));
    }

    static MockHttpServletRequestBuilder preflight(String path, String origin, String method, String headers) {
        return options(path).header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers);
    }

    /**
     * A protected endpoint, so that the security slice loads no real controller and its services. Nested in a test
     * class, so that the integration tests' component scan leaves it out.
     */
    @RestController
    static class Probe {

        @GetMapping("/api/probe")
        Map<String, String> probe() {
            return Map.of("ok", "yes");
        }
    }
}
