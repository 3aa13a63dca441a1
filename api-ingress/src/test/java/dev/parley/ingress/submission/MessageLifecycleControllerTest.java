package dev.parley.ingress.submission;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import dev.parley.ingress.webhook.WebhookAddressPolicy;
import dev.parley.ingress.webhook.WebhookSecrets;
import dev.parley.ingress.webhook.WebhookTargets;
import dev.parley.platform.outbound.OutboundAutoConfiguration;

@ControllerTest(MessageLifecycleController.class)
@Import({WebhookTargets.class, WebhookAddressPolicy.class})
@ImportAutoConfiguration(OutboundAutoConfiguration.class)
class MessageLifecycleControllerTest {

    static final String MESSAGES = "/api/conversations/c1/messages";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BranchService branches;

    @MockitoBean
    WebhookSecrets webhookSecrets;

    static MockHttpServletRequestBuilder postJson(String path, String json) {
        return post(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void regenerateAnswers202WithOrWithoutABody() throws Exception {
        var accepted = new MessageAcceptedResponse("m3", "m1", "r2", MESSAGES + "/m3/stream");
        given(branches.regenerate(eq("u1"), eq("c1"), eq("m2"), any()))
                .willReturn(CompletableFuture.completedFuture(accepted));

        MvcResult result = mvc.perform(post(MESSAGES + "/m2/regenerate")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))).andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.messageId").value("m3"))
                .andExpect(jsonPath("$.userMessageId").value("m1"));
    }

    @Test
    void regeneratingARunningOrOlderAnswerIsAConflictProblem() throws Exception {
        given(branches.regenerate(eq("u1"), eq("c1"), eq("m2"), any()))
                .willThrow(ApiProblem.conflict("still being generated"));

        mvc.perform(postJson(MESSAGES + "/m2/regenerate", "{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:conflict"));
    }

    @Test
    void invalidSettingsAreValidationProblems() throws Exception {
        mvc.perform(postJson(MESSAGES + "/m2/regenerate", "{\"temperature\":3,\"maxTokens\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("temperature", "maxTokens")));
        mvc.perform(postJson(MESSAGES + "/m1/edit", "{\"content\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("content"));
        verifyNoInteractions(branches);
    }

    @Test
    void editAnswers202() throws Exception {
        var accepted = new MessageAcceptedResponse("m5", "m4", "r3", MESSAGES + "/m5/stream");
        given(branches.edit(eq("u1"), eq("c1"), eq("m1"), any()))
                .willReturn(CompletableFuture.completedFuture(accepted));

        MvcResult result = mvc.perform(postJson(MESSAGES + "/m1/edit", "{\"content\":\"Better question\"}"))
                .andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.userMessageId").value("m4"));
    }

    @Test
    void activatingAMessageThatDoesNotEndABranchIsAConflictProblem() throws Exception {
        given(branches.activate("u1", "c1", "m1")).willThrow(ApiProblem.conflict("does not end a branch"));
        given(branches.activate("u1", "c1", "m2")).willReturn(new BranchResponse("c1", "m2"));

        mvc.perform(post("/api/conversations/c1/branches/m1/activate")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/conversations/c1/branches/m2/activate")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentLeafId").value("m2"));
    }

    @Test
    void regenerateAndEditCheckTheirWebhookLikePosting() throws Exception {
        given(webhookSecrets.exists("u1")).willReturn(true);

        mvc.perform(postJson(MESSAGES + "/m2/regenerate", "{\"webhookUrl\":\"http://192.168.1.10/hook\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:outbound-address-refused"));
        given(webhookSecrets.exists("u1")).willReturn(false);
        mvc.perform(postJson(MESSAGES + "/m1/edit",
                        "{\"content\":\"Better\",\"webhookUrl\":\"https://93.184.215.14/hook\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:webhook-secret-missing"));
        verifyNoInteractions(branches);
    }

}
