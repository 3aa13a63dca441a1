package dev.parley.ingress.auth;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestAccountStates;
import dev.parley.ingress.TestTokens;
import dev.parley.platform.problem.ApiProblem;

@ControllerTest(AuthController.class)
class AuthControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuthService auth;

    @MockitoBean
    ProfileService profiles;

    @Test
    void registerAnswers201WithTheUser() throws Exception {
        given(auth.register(any(), any())).willReturn(new UserResponse("u1", "ann@example.com", "Ann"));

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"Ann@Example.com\",\"password\":\"correct horse\",\"displayName\":\"Ann\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("u1"))
                .andExpect(jsonPath("$.email").value("ann@example.com"));
    }

    @Test
    void invalidFieldsAreAValidationProblemNamingEachField() throws Exception {
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value("/api/auth/register"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("email", "password")));
        verifyNoInteractions(auth);
    }

    @Test
    void malformedJsonIsAMalformedRequestProblem() throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:malformed-request"));
    }

    @Test
    void wrongContentTypeAndWrongMethodAreProblems() throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unsupported-media-type"));
        mvc.perform(get("/api/auth/login"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:method-not-allowed"));
    }

    @Test
    void wrongCredentialsAreAnUnauthorizedProblem() throws Exception {
        given(auth.login(any(), any())).willThrow(ApiProblem.unauthorized("Invalid email or password"));

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ann@example.com\",\"password\":\"wrong password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"))
                .andExpect(jsonPath("$.detail").value("Invalid email or password"));
    }

    @Test
    void duplicateEmailIsAConflictProblem() throws Exception {
        given(auth.register(any(), any())).willThrow(ApiProblem.conflict("An account with this email already exists"));

        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ann@example.com\",\"password\":\"correct horse\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:conflict"));
    }

    @Test
    void meNeedsABearerToken() throws Exception {
        mvc.perform(get("/api/auth/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
    }

    @Test
    void meAnswersTheCaller() throws Exception {
        given(profiles.me("u1")).willReturn(new MeResponse("u1", "ann@example.com", "Ann", List.of("USER"),
                Instant.parse("2025-01-01T00:00:00Z")));

        mvc.perform(get("/api/auth/me").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("USER"))
                .andExpect(jsonPath("$.createdAt").value("2025-01-01T00:00:00Z"));
    }

    @Test
    void logoutRevokesForTheCallerOnly() throws Exception {
        mvc.perform(post("/api/auth/logout").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"refreshToken\":\"abc\"}"))
                .andExpect(status().isNoContent());
        verify(auth).logout(eq("u1"), eq(new RefreshRequest("abc")));
    }

    @Test
    void tooManyFailedSignInsAre429WithRetryAfter() throws Exception {
        given(auth.login(any(), eq("127.0.0.1"))).willThrow(
                ApiProblem.rateLimited("Too many failed sign-ins; try again later", Duration.ofMillis(90_500)));

        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ann@example.com\",\"password\":\"anything\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "91"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:rate-limited"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(91));
    }

    @Test
    void aTokenOfADisabledAccountIsUnauthorized() throws Exception {
        TestAccountStates.disable("disabled-u1");

        mvc.perform(get("/api/auth/me").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("disabled-u1")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        verifyNoInteractions(profiles);
    }

    @Test
    void updatingTheProfileAnswersTheAccount() throws Exception {
        given(profiles.update("u1", new UpdateProfileRequest("Annie"))).willReturn(new MeResponse("u1",
                "ann@example.com", "Annie", List.of("USER"), Instant.parse("2025-01-01T00:00:00Z")));

        mvc.perform(patch("/api/auth/me").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Annie\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Annie"));
    }

    @Test
    void aTooLongDisplayNameIsAValidationProblem() throws Exception {
        mvc.perform(patch("/api/auth/me").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"" + "x".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("displayName"));
        verifyNoInteractions(profiles);
    }

    @Test
    void changingThePasswordAnswers204() throws Exception {
        mvc.perform(post("/api/auth/password").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"old password\",\"newPassword\":\"new password\"}"))
                .andExpect(status().isNoContent());
        verify(profiles).changePassword(eq("u1"), eq(new ChangePasswordRequest("old password", "new password")),
                eq("127.0.0.1"));
    }

    @Test
    void aShortNewPasswordIsAValidationProblem() throws Exception {
        mvc.perform(post("/api/auth/password").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"old password\",\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        verifyNoInteractions(profiles);
    }

    @Test
    void aWrongCurrentPasswordIsAValidationProblem() throws Exception {
        willThrow(ApiProblem.validation("currentPassword", "is not correct")).given(profiles)
                .changePassword(any(), any(), any());

        mvc.perform(post("/api/auth/password").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong password\",\"newPassword\":\"new password\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
    }
}
