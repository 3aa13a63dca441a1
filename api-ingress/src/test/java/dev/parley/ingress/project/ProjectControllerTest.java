package dev.parley.ingress.project;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.platform.problem.ApiProblem;

@ControllerTest({ProjectController.class, PromptController.class})
class ProjectControllerTest {

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProjectService projects;

    @MockitoBean
    PromptService prompts;

    @Test
    void createsAProject() throws Exception {
        given(projects.create(eq("u1"), any())).willReturn(new ProjectResponse("p1", "Pirate", null, null, NOW, NOW));

        mvc.perform(post("/api/projects").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Pirate\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("p1"));
    }

    @Test
    void blankOrLongNamesAreValidationProblems() throws Exception {
        mvc.perform(post("/api/projects").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(patch("/api/projects/p1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "n".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"));
        verifyNoInteractions(projects);
    }

    @Test
    void promptContentMustFitAndNotBeBlank() throws Exception {
        String tooLong = "x".repeat(PromptService.MAX_CONTENT + 1);
        mvc.perform(post("/api/projects/p1/prompts").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"p\",\"content\":\"" + tooLong + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("content"));
        mvc.perform(patch("/api/projects/p1/prompts/q1").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("content"));
        mvc.perform(put("/api/projects/p1/system-prompt").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("promptId"));
        verifyNoInteractions(prompts, projects);
    }

    @Test
    void unknownProjectAndVersionAreNotFoundProblems() throws Exception {
        given(projects.get("u1", "nope")).willThrow(ApiProblem.notFound("Project nope not found"));
        given(prompts.version("u1", "p1", "q1", 9)).willThrow(ApiProblem.notFound("Version 9 not found"));

        mvc.perform(get("/api/projects/nope").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
        mvc.perform(get("/api/projects/p1/prompts/q1/versions/9")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    @Test
    void missingTokenIsUnauthorized() throws Exception {
        mvc.perform(get("/api/projects"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
    }
}
