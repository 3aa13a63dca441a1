package dev.parley.ingress.message;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;
import dev.parley.ingress.webhook.WebhookStatus;

/** Listing and polling messages; the queries behind them are a mock. */
@ControllerTest(MessageController.class)
class MessageControllerTest {

    static final String MESSAGES = "/api/conversations/c1/messages";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    MessageQueries queries;

    @Test
    void unknownConversationIsANotFoundProblem() throws Exception {
        given(queries.list("u1", "nope", 0, 50)).willThrow(ApiProblem.notFound("Conversation nope not found"));

        mvc.perform(get("/api/conversations/nope/messages").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    @Test
    void branchAllListsEveryMessageAndOtherBranchValuesAreValidationProblems() throws Exception {
        given(queries.listAll("u1", "c1", 0, 50)).willReturn(new PageResponse<>(List.of(), 0, 50, 0));

        mvc.perform(get(MESSAGES + "?branch=all").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get(MESSAGES + "?branch=some").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("branch"));
    }

    @Test
    void oneMessageCanBePolled() throws Exception {
        given(queries.get("u1", "c1", "m2")).willReturn(new MessageResponse("m2", MessageRole.ASSISTANT, "Hi",
                MessageStatus.COMPLETED, "mock-1", "r1", "STOP", null, null, Instant.EPOCH, Instant.EPOCH, "m1"));

        mvc.perform(get(MESSAGES + "/m2").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.content").value("Hi"))
                .andExpect(jsonPath("$.parentId").value("m1"));
    }

    @Test
    void unknownMessageIsANotFoundProblem() throws Exception {
        given(queries.get("u1", "c1", "nope")).willThrow(ApiProblem.notFound("Message nope not found"));

        mvc.perform(get(MESSAGES + "/nope").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    @Test
    void aPolledAnswerShowsItsWebhookDelivery() throws Exception {
        var webhook = new WebhookStatus("https://hooks.example/x", "PENDING", 2, Instant.EPOCH, 503,
                "HTTP 503: busy", Instant.EPOCH.plusSeconds(30), null);
        given(queries.get("u1", "c1", "m2")).willReturn(new MessageResponse("m2", MessageRole.ASSISTANT, "Hi",
                MessageStatus.COMPLETED, "mock-1", "r1", "STOP", null, null, Instant.EPOCH, Instant.EPOCH, "m1",
                null, null, webhook));

        mvc.perform(get(MESSAGES + "/m2").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.webhook.status").value("PENDING"))
                .andExpect(jsonPath("$.webhook.attempts").value(2))
                .andExpect(jsonPath("$.webhook.lastStatusCode").value(503))
                .andExpect(jsonPath("$.webhook.lastError").value("HTTP 503: busy"))
                .andExpect(jsonPath("$.webhook.nextAttemptAt").value("1970-01-01T00:00:30Z"))
                .andExpect(jsonPath("$.webhook.deliveredAt").doesNotExist());
    }
}
