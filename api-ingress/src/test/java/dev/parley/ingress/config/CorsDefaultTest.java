package dev.parley.ingress.config;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;

/** Without {@code PARLEY_CORS_ORIGINS} no origin is allowed: the web app on the API's own origin needs none. */
@ControllerTest(CorsTest.Probe.class)
@Import(CorsTest.Probe.class)
class CorsDefaultTest {

    @Autowired
    MockMvc mvc;

    @Test
    void noOriginIsAllowedByDefault() throws Exception {
        mvc.perform(CorsTest.preflight("/api/probe", "http://localhost:3000", "GET", "authorization"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
        mvc.perform(CorsTest.preflight("/v1/chat/completions", "https://app.example.com", "POST", "authorization"))
                .andExpect(status().isForbidden());
    }
}
