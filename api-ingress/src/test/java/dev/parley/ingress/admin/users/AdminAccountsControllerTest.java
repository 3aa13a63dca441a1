package dev.parley.ingress.admin.users;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.ingress.ControllerTest;
import dev.parley.ingress.TestTokens;
import dev.parley.ingress.auth.UserAccount;
import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.contracts.accounting.GrantResponse;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;

@ControllerTest(AdminAccountsController.class)
class AdminAccountsControllerTest {

    static final UserAccount ANN = new UserAccount("u1", "ann@example.com", "Ann", List.of("USER"), false, false,
            null, null, Instant.parse("2025-01-01T00:00:00Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AdminUserService users;

    @Test
    void aUserWithoutTheAdminRoleIsForbidden() throws Exception {
        mvc.perform(get("/api/admin/users").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:forbidden"));
        verifyNoInteractions(users);
    }

    @Test
    void listsAPageFilteredByEmailPrefix() throws Exception {
        var credits = new AccountOverview(new AccountResponse("u1", 120, 0, 0, 0, 0, 0, 30, 90, null, "u1",
                new AccountResponse.RefillResponse(500, "PT24H", Instant.EPOCH, 0, 0L), Instant.EPOCH),
                List.of(new GrantResponse("g1", "u1", 50, Instant.EPOCH, null, "ACTIVE")));
        given(users.list("ann", 0, 20)).willReturn(new PageResponse<>(List.of(new AdminUserView(ANN, credits, null)),
                0, 20, 1));

        mvc.perform(get("/api/admin/users?q=ann&size=20").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("a1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].email").value("ann@example.com"))
                .andExpect(jsonPath("$.items[0].disabled").value(false))
                .andExpect(jsonPath("$.items[0].credits.balance").value(120))
                .andExpect(jsonPath("$.items[0].credits.reserved").value(30))
                .andExpect(jsonPath("$.items[0].credits.refill.depletionThreshold").value(0))
                .andExpect(jsonPath("$.items[0].credits.grants[0].amount").value(50))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aPageSizeOutOfRangeIsAValidationProblem() throws Exception {
        mvc.perform(get("/api/admin/users?size=0").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("a1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"));
    }

    @Test
    void anUnknownUserIsNotFound() throws Exception {
        given(users.get("nobody")).willThrow(ApiProblem.notFound("User nobody not found"));

        mvc.perform(get("/api/admin/users/nobody").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("a1")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:not-found"));
    }

    @Test
    void anUnknownRoleIsAValidationProblem() throws Exception {
        mvc.perform(patch("/api/admin/users/u1").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("a1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"USER\",\"ROOT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:validation"));
        verifyNoInteractions(users);
    }

    @Test
    void patchingPassesTheChangesAndTheCaller() throws Exception {
        given(users.update(any(), any(), any())).willReturn(ANN);

        mvc.perform(patch("/api/admin/users/u1").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("a1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\":\"Ann\",\"disabled\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("u1"));
        verify(users).update("a1", "u1", new UpdateUserRequest("Ann", null, true));
    }

    @Test
    void disablingYourselfIsAConflict() throws Exception {
        given(users.setDisabled("a1", "a1", true)).willThrow(ApiProblem.conflict("You cannot disable yourself"));

        mvc.perform(post("/api/admin/users/a1/disable").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("a1")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:parley:problem:conflict"));
    }

    @Test
    void deletingAnswers204() throws Exception {
        mvc.perform(delete("/api/admin/users/u1").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("a1")))
                .andExpect(status().isNoContent());
        verify(users).delete("a1", "u1");
    }

    @Test
    void deletingAnUnknownUserIsNotFound() throws Exception {
        willThrow(ApiProblem.notFound("User nobody not found")).given(users).delete("a1", "nobody");

        mvc.perform(delete("/api/admin/users/nobody").header(HttpHeaders.AUTHORIZATION, TestTokens.admin("a1")))
                .andExpect(status().isNotFound());
    }
}
