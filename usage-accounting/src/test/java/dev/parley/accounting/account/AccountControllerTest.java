package dev.parley.accounting.account;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.accounting.config.SecurityConfig;

@WebMvcTest(controllers = AccountController.class, properties = "parley.accounting.service-token=" + AccountControllerTest.TOKEN)
@Import(SecurityConfig.class)
class AccountControllerTest {

    static final String TOKEN = "s3rvice-token-for-tests";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountRepository accounts;

    @Test
    void withoutATokenAnswers401Problem() throws Exception {
        mvc.perform(get("/internal/accounts/alice"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
        verifyNoInteractions(accounts);
    }

    @Test
    void withAWrongTokenAnswers401Problem() throws Exception {
        mvc.perform(get("/internal/accounts/alice").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN + "x"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
        verifyNoInteractions(accounts);
    }

    @Test
    void withAnotherSchemeAnswers401Problem() throws Exception {
        mvc.perform(get("/internal/accounts/alice").header(HttpHeaders.AUTHORIZATION, "Basic " + TOKEN))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:unauthorized"));
    }

    @Test
    void withTheServiceTokenAnswersTheAccount() throws Exception {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        given(accounts.open("alice"))
                .willReturn(new Account("alice", 9_000, 10_000, 700, 300, 1_000, 1_000, 120, 8_880, List.of(), null,
                        "e1", List.of("e1"), 0, 1, List.of(), null, List.of(), null, now, now));

        mvc.perform(get("/internal/accounts/alice").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.userId").value("alice"))
                .andExpect(jsonPath("$.balance").value(9_000))
                .andExpect(jsonPath("$.startingBalance").value(10_000))
                .andExpect(jsonPath("$.inputTokens").value(700))
                .andExpect(jsonPath("$.outputTokens").value(300))
                .andExpect(jsonPath("$.debitedTokens").value(1_000))
                .andExpect(jsonPath("$.reserved").value(120))
                .andExpect(jsonPath("$.available").value(8_880))
                .andExpect(jsonPath("$.payerId").value("alice"))
                .andExpect(jsonPath("$.updatedAt").value("2026-01-02T03:04:05Z"))
                .andExpect(jsonPath("$.recentEventIds").doesNotExist());
    }

    @Test
    void anOverlongUserIdIsABadRequestProblem() throws Exception {
        mvc.perform(get("/internal/accounts/" + "u".repeat(129)).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:bad-request"));
        verifyNoInteractions(accounts);
    }

    @Test
    void anUnknownPathIsANotFoundProblem() throws Exception {
        mvc.perform(get("/internal/nothing").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    @Test
    void anUnexpectedFailureIsAnInternalProblemWithoutDetails() throws Exception {
        given(accounts.open(anyString())).willThrow(new IllegalStateException("connection string with secrets"));

        mvc.perform(get("/internal/accounts/alice").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:internal"))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred"));
    }
}
