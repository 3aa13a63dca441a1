package dev.parley.ingress.conversation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

@ControllerTest(ConversationLifecycleController.class)
class ConversationLifecycleControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConversationLifecycle lifecycle;

    static MockHttpServletRequestBuilder patchJson(String json) {
        return patch("/api/conversations/c1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void patchAnswersTheUpdatedConversation() throws Exception {
        given(lifecycle.update(eq("u1"), eq("c1"), any())).willReturn(new ConversationResponse("c1", "Renamed",
                "mock-2", 0.3, null, Instant.EPOCH, Instant.EPOCH));

        mvc.perform(patchJson("{\"title\":\"Renamed\",\"model\":\"mock-2\",\"temperature\":0.3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Renamed"))
                .andExpect(jsonPath("$.temperature").value(0.3));
    }

    @Test
    void outOfRangeTemperatureIsAValidationProblem() throws Exception {
        mvc.perform(patchJson("{\"temperature\":2.1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("temperature"));
        verifyNoInteractions(lifecycle);
    }

    @Test
    void unknownModelIsAModelUnknownProblem() throws Exception {
        given(lifecycle.update(eq("u1"), eq("c1"), any()))
                .willThrow(new ApiProblem(ProblemKind.MODEL_UNKNOWN, "Model 'nope' is not available"));

        mvc.perform(patchJson("{\"model\":\"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:model-unknown"));
    }

    @Test
    void deleteAnswers204AndUnknownIs404() throws Exception {
        mvc.perform(delete("/api/conversations/c1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNoContent());
        verify(lifecycle).delete("u1", "c1");

        willThrow(ApiProblem.notFound("Conversation c2 not found")).given(lifecycle).delete("u1", "c2");
        mvc.perform(delete("/api/conversations/c2").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }
}
