package dev.parley.ingress.limit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;

/** The limits in front of stand-in chat endpoints, with the real security chain and error rendering. */
@ControllerTest(LimitsControllerTest.ChatEndpoints.class)
@Import({LimitConfig.class, LimitsControllerTest.ChatEndpoints.class})
@TestPropertySource(properties = {"parley.limits.chat-requests-per-minute=3", "parley.limits.max-request-body=1KB"})
class LimitsControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theFourthMessageWithinAMinuteIsRateLimitedWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(postMessage("minute-user")).andExpect(status().isAccepted());
        }

        mvc.perform(postMessage("minute-user"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "20"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:rate-limited"));
        mvc.perform(postMessage("other-user")).andExpect(status().isAccepted());
    }

    @Test
    void readingIsNotLimited() throws Exception {
        mvc.perform(get("/api/conversations/c1/messages").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer("reader")))
                .andExpect(status().isOk());
    }

    @Test
    void aBodyLargerThanTheLimitIsPayloadTooLarge() throws Exception {
        mvc.perform(post("/api/conversations/c1/messages").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer("big-user")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\":\"" + "x".repeat(2000) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:payload-too-large"));
    }

    @Test
    void anAnonymousRequestIsUnauthorizedNotLimited() throws Exception {
        mvc.perform(post("/api/conversations/c1/messages").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    private static org.springframework.test.web.servlet.RequestBuilder postMessage(String user) {
        return post("/api/conversations/c1/messages").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(user))
                .contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"hi\"}");
    }

    @RestController
    static class ChatEndpoints {

        @PostMapping("/api/conversations/{conversationId}/messages")
        org.springframework.http.ResponseEntity<Map<String, String>> post(@PathVariable String conversationId,
                @RequestBody Map<String, Object> body) {
            return org.springframework.http.ResponseEntity.accepted().body(Map.of("conversationId", conversationId));
        }

        @GetMapping("/api/conversations/{conversationId}/messages")
        Map<String, String> list(@PathVariable String conversationId) {
            return Map.of("conversationId", conversationId);
        }

        @PostMapping("/v1/chat/completions")
        Map<String, String> complete(@RequestBody Map<String, Object> body) {
            return Map.of("object", "chat.completion");
        }
    }
}
