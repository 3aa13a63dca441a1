package dev.parley.ingress.summary;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;

@ControllerTest(UsageSummaryController.class)
class UsageSummaryControllerTest {

    static final String PATH = "/api/admin/usage/summary";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UsageSummaryService summaries;

    static MockHttpServletRequestBuilder summary(String authorization, String body) {
        return post(PATH).header(HttpHeaders.AUTHORIZATION, authorization).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    @Test
    void acceptedSummaryAnswers202LikeAMessage() throws Exception {
        given(summaries.summarize(eq("boss"), any())).willReturn(CompletableFuture.completedFuture(
                new UsageSummaryResponse("m2", "m1", "r1", "/api/conversations/c1/messages/m2/stream", "c1")));

        MvcResult result = mvc.perform(summary(TestTokens.admin("boss"),
                        "{\"from\":\"2025-03-01\",\"to\":\"2025-03-31\",\"groupBy\":\"model\"}"))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(result))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.conversationId").value("c1"))
                .andExpect(jsonPath("$.requestId").value("r1"))
                .andExpect(jsonPath("$.streamUrl").value("/api/conversations/c1/messages/m2/stream"));
    }

    @Test
    void onlyAdminsMayAskAndInputIsChecked() throws Exception {
        String body = "{\"from\":\"2025-03-01\",\"to\":\"2025-03-31\"}";
        mvc.perform(summary(TestTokens.bearer("u1"), body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:forbidden"));
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(summary(TestTokens.admin("boss"), "{\"from\":\"2025-03-31\",\"to\":\"2025-03-01\","
                        + "\"groupBy\":\"week\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(summary(TestTokens.admin("boss"), "{\"to\":\"2025-03-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        verifyNoInteractions(summaries);
    }
}
