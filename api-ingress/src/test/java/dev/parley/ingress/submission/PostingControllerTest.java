package dev.parley.ingress.submission;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.ingress.webhook.WebhookAddressPolicy;
import dev.parley.ingress.webhook.WebhookSecrets;
import dev.parley.ingress.webhook.WebhookTargets;
import dev.parley.platform.outbound.OutboundAutoConfiguration;

/** With the real webhook check and the production (strict) outbound policy; only the secret store is a mock. */
@ControllerTest(PostingController.class)
@Import({WebhookTargets.class, WebhookAddressPolicy.class})
@ImportAutoConfiguration(OutboundAutoConfiguration.class)
class MessageControllerTest {

    static final String MESSAGES = "/api/conversations/c1/messages";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ChatRequestService chatRequests;

    @MockitoBean
    CancelService cancels;

    @MockitoBean
    WebhookSecrets webhookSecrets;

    @MockitoBean
    QuestionNotes notes;

    static MockHttpServletRequestBuilder postMessage(String json) {
        return post(MESSAGES).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void aMessageThatAsksForNoAnswerIsOnlyStored() throws Exception {
        given(notes.store(eq("u1"), eq("c1"), any())).willReturn(new MessageAcceptedResponse(null, "m1", null, null));

        MvcResult result = mvc.perform(postMessage("{\"content\":\"For later\",\"respond\":false}"))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userMessageId").value("m1"))
                .andExpect(jsonPath("$.messageId").doesNotExist())
                .andExpect(jsonPath("$.streamUrl").doesNotExist());

        verifyNoInteractions(chatRequests);
    }

    @Test
    void acceptedMessageAnswers202OnceTheSendIsAcknowledged() throws Exception {
        var accepted = new MessageAcceptedResponse("m2", "m1", "r1", MESSAGES + "/m2/stream");
        given(chatRequests.post(eq("u1"), eq("c1"), any())).willReturn(CompletableFuture.completedFuture(accepted));

        MvcResult result = mvc.perform(postMessage("{\"content\":\"Hello\",\"temperature\":0.5,\"maxTokens\":100}"))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.messageId").value("m2"))
                .andExpect(jsonPath("$.userMessageId").value("m1"))
                .andExpect(jsonPath("$.requestId").value("r1"))
                .andExpect(jsonPath("$.streamUrl").value(MESSAGES + "/m2/stream"));
    }

    @Test
    void invalidMessageIsAValidationProblemNamingEachField() throws Exception {
        mvc.perform(postMessage("{\"content\":\"\",\"temperature\":2.5,\"maxTokens\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("content", "temperature",
                        "maxTokens")));
        mvc.perform(postMessage("{\"content\":\"" + "x".repeat(32001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("content"));
        verifyNoInteractions(chatRequests);
    }

    @Test
    void malformedOrMistypedJsonIsAMalformedRequestProblem() throws Exception {
        mvc.perform(postMessage("{content: Hello"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:malformed-request"));
        mvc.perform(postMessage("{\"content\":\"Hi\",\"maxTokens\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:malformed-request"));
        mvc.perform(postMessage(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:malformed-request"));
    }

    @Test
    void serviceProblemsKeepTheirKind() throws Exception {
        given(chatRequests.post(eq("u1"), eq("c1"), any()))
                .willThrow(new ApiProblem(ProblemKind.QUOTA_EXHAUSTED, "Your token balance is used up"));
        mvc.perform(postMessage("{\"content\":\"Hello\"}"))
                .andExpect(status().isPaymentRequired())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:quota-exhausted"));
    }

    @Test
    void failedSendIsAnUnavailableProblem() throws Exception {
        given(chatRequests.post(eq("u1"), eq("c1"), any())).willReturn(CompletableFuture.failedFuture(
                ApiProblem.unavailable("The request could not be queued; send it again", null)));

        MvcResult result = mvc.perform(postMessage("{\"content\":\"Hello\"}")).andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unavailable"));
    }

    @Test
    void cancellingAFinishedAnswerIsAConflictProblem() throws Exception {
        given(cancels.cancel("u1", "c1", "m2")).willThrow(ApiProblem.conflict("already finished"));

        mvc.perform(post(MESSAGES + "/m2/cancel").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:conflict"));
    }

    @Test
    void postingNeedsAToken() throws Exception {
        mvc.perform(post(MESSAGES).contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"Hello\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        verifyNoInteractions(chatRequests);
    }

    @Test
    void webhookToAnInternalAddressIsRefusedBeforeAnythingIsReservedOrPublished() throws Exception {
        given(webhookSecrets.exists("u1")).willReturn(true);

        for (String url : List.of("http://127.0.0.1:8080/hook", "http://[::1]/hook", "http://10.1.2.3/hook",
                "http://169.254.169.254/latest/meta-data", "http://localhost/hook")) {
            mvc.perform(postMessage("{\"content\":\"Hello\",\"webhookUrl\":\"" + url + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:parley:problem:outbound-address-refused"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("internal address")))
                    .andExpect(jsonPath("$.field").value("webhookUrl"));
        }
        mvc.perform(postMessage("{\"content\":\"Hello\",\"webhookUrl\":\"ftp://203.0.113.9/hook\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:outbound-address-refused"))
                .andExpect(jsonPath("$.detail").value("The URL must use http or https"));
        verifyNoInteractions(chatRequests);
    }

    @Test
    void webhookWithoutASigningSecretIsRefusedWithAClearProblem() throws Exception {
        given(webhookSecrets.exists("u1")).willReturn(false);

        mvc.perform(postMessage("{\"content\":\"Hello\",\"webhookUrl\":\"https://93.184.215.14/hook\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:webhook-secret-missing"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "POST /api/me/webhook-secret")));
        verifyNoInteractions(chatRequests);
    }

    @Test
    void malformedOrOverlongWebhookUrlsAreValidationProblems() throws Exception {
        mvc.perform(postMessage("{\"content\":\"Hello\",\"webhookUrl\":\"https://x.example/a b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("webhookUrl"));
        mvc.perform(postMessage("{\"content\":\"Hello\",\"webhookUrl\":\"https://93.184.215.14/"
                        + "x".repeat(2048) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("webhookUrl"));
        verifyNoInteractions(chatRequests);
    }

    @Test
    void acceptedWebhookReachesTheServiceWithTheMessage() throws Exception {
        given(webhookSecrets.exists("u1")).willReturn(true);
        var accepted = new MessageAcceptedResponse("m2", "m1", "r1", MESSAGES + "/m2/stream");
        given(chatRequests.post(eq("u1"), eq("c1"),
                argThat(request -> "https://93.184.215.14/hook".equals(request.webhookUrl()))))
                .willReturn(CompletableFuture.completedFuture(accepted));

        MvcResult result = mvc.perform(postMessage(
                "{\"content\":\"Hello\",\"webhookUrl\":\"https://93.184.215.14/hook\"}")).andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.messageId").value("m2"));
    }
}
