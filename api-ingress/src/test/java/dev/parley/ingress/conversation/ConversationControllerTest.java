package dev.parley.ingress.conversation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;
import dev.parley.platform.problem.ProblemKind;

@ControllerTest(ConversationController.class)
class ConversationControllerTest {

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConversationService conversations;

    @MockitoBean
    FirstMessage.Poster firstMessages;

    static List<String> refusedTokens() {
        return List.of(TestTokens.expired("u1"), TestTokens.wrongAudience("u1"), TestTokens.wrongIssuer("u1"),
                TestTokens.wrongKey("u1"), "Bearer not-a-jwt");
    }

    @Test
    void missingTokenIsAnUnauthorizedProblem() throws Exception {
        mvc.perform(get("/api/conversations"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void invalidTokensAreUnauthorizedProblems(String token) throws Exception {
        mvc.perform(get("/api/conversations").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
    }

    @Test
    void unknownConversationIsANotFoundProblem() throws Exception {
        given(conversations.get("u1", "nope")).willThrow(ApiProblem.notFound("Conversation nope not found"));

        mvc.perform(get("/api/conversations/nope").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"))
                .andExpect(jsonPath("$.instance").value("/api/conversations/nope"));
    }

    @Test
    void createAnswers201() throws Exception {
        given(conversations.create(eq("u1"), any()))
                .willReturn(new ConversationResponse("c1", "Trip", "mock-1", NOW, NOW));

        MvcResult result = mvc.perform(post("/api/conversations").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer("u1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Trip\",\"model\":\"mock-1\"}"))
                .andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("c1"))
                .andExpect(jsonPath("$.model").value("mock-1"))
                .andExpect(jsonPath("$.message").doesNotExist());
        verifyNoInteractions(firstMessages);
    }

    @Test
    void aConversationCreatedWithItsFirstMessageAnswersBoth() throws Exception {
        given(conversations.create(eq("u1"), any()))
                .willReturn(new ConversationResponse("c1", null, null, NOW, NOW));
        given(firstMessages.post(eq("u1"), eq("c1"), eq(new FirstMessage("Hello", null, 0.2, null, null, null))))
                .willReturn(CompletableFuture.completedFuture(java.util.Map.of("messageId", "m2")));

        MvcResult result = mvc.perform(post("/api/conversations").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer("u1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\":{\"content\":\"Hello\",\"temperature\":0.2}}"))
                .andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("c1"))
                .andExpect(jsonPath("$.message.messageId").value("m2"));
    }

    @Test
    void aRefusedFirstMessageLeavesNoConversation() throws Exception {
        given(conversations.create(eq("u1"), any()))
                .willReturn(new ConversationResponse("c1", null, null, NOW, NOW));
        given(firstMessages.post(eq("u1"), eq("c1"), any())).willReturn(CompletableFuture.failedFuture(
                new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "No credits left")));

        MvcResult result = mvc.perform(post("/api/conversations").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer("u1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\":{\"content\":\"Hello\"}}"))
                .andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isPaymentRequired())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:quota-exhausted"));
        verify(conversations).discard("u1", "c1");
    }

    @Test
    void aFirstMessageWithoutContentIsAValidationProblem() throws Exception {
        mvc.perform(post("/api/conversations").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"message\":{\"content\":\" \"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"));
        verifyNoInteractions(firstMessages);
    }

    @Test
    void listIsPaged() throws Exception {
        given(conversations.list("u1", 1, 5)).willReturn(
                new PageResponse<>(List.of(new ConversationResponse("c1", null, null, NOW, NOW)), 1, 5, 6));

        mvc.perform(get("/api/conversations?page=1&size=5").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("c1"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.total").value(6));
    }

    @Test
    void badPagingIsAValidationProblem() throws Exception {
        mvc.perform(get("/api/conversations?size=1000").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/conversations?page=abc").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:malformed-request"));
    }

    @Test
    void tooLongTitleIsAValidationProblem() throws Exception {
        mvc.perform(post("/api/conversations").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void wrongMethodAndUnknownPathAreProblems() throws Exception {
        mvc.perform(delete("/api/conversations").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:method-not-allowed"));
        mvc.perform(get("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }
}
