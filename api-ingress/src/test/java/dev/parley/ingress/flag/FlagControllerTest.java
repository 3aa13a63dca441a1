package dev.parley.ingress.flag;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

@ControllerTest(FlagController.class)
class FlagControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FlagService flags;

    static MockHttpServletRequestBuilder flag(String json) {
        return post("/api/conversations/c1/messages/m2/flag").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void aFlagAnswers201() throws Exception {
        given(flags.flag(eq("u1"), eq("c1"), eq("m2"), any())).willReturn(new FlagResponse("f1", "c1", "m2", "u1",
                "Wrong date", "incorrect", false, Instant.EPOCH, null, null));

        mvc.perform(flag("{\"reason\":\"Wrong date\",\"category\":\"incorrect\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("f1"))
                .andExpect(jsonPath("$.resolved").value(false));
    }

    @Test
    void missingReasonOrUnknownCategoryAreValidationProblems() throws Exception {
        mvc.perform(flag("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(flag("{\"reason\":\"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(flag("{\"reason\":\"bad\",\"category\":\"boring\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        verifyNoInteractions(flags);
    }

    @Test
    void aSecondFlagIsAConflictProblem() throws Exception {
        given(flags.flag(eq("u1"), eq("c1"), eq("m2"), any())).willThrow(ApiProblem.conflict("already flagged"));

        mvc.perform(flag("{\"reason\":\"Again\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:conflict"));
    }
}
