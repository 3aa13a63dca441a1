package dev.parley.ingress.config;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;

/** The web app's files are public and run under a strict CSP; permitting them opened nothing else. */
@ControllerTest(CorsTest.Probe.class)
@Import(CorsTest.Probe.class)
class WebAppSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void thePageAndItsModulesAreServedWithoutATokenUnderAStrictPolicy() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/app/js/main.js", "/app/css/app.css"}) {
            mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", Matchers.allOf(
                            Matchers.containsString("script-src 'self';"), Matchers.containsString("default-src 'none'"),
                            Matchers.containsString("frame-ancestors 'none'"),
                            Matchers.not(Matchers.containsString("unsafe-inline")))))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }
    }

    @Test
    void thePageLoadsNoScriptInline() throws Exception {
        mvc.perform(get("/")).andExpect(forwardedUrl("index.html"));
        mvc.perform(get("/index.html"))
                .andExpect(content().string(Matchers.containsString("<script type=\"module\" src=\"/app/js/main.js\">")))
                .andExpect(content().string(Matchers.not(Matchers.matchesPattern("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"))))
                .andExpect(content().string(Matchers.not(Matchers.matchesPattern("(?s).*\\son[a-z]+\\s*=.*"))));
    }

    @Test
    void permittingTheAppOpensNothingElse() throws Exception {
        mvc.perform(get("/api/probe")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/conversations")).andExpect(status().isUnauthorized());
        mvc.perform(get("/app/../api/conversations")).andExpect(status().is4xxClientError());
        mvc.perform(get("/anything-else")).andExpect(status().isUnauthorized());
        mvc.perform(post("/app/js/main.js")).andExpect(status().isUnauthorized());
    }
}
