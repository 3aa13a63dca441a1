package dev.parley.ingress.admin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.admin.AdminAccounting;
import dev.parley.ingress.apikey.ApiKeyRevocation;
import dev.parley.ingress.auth.UserAccount;
import dev.parley.ingress.auth.UserAccounts;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.ingress.web.PageResponse;
import dev.parley.platform.problem.ProblemKind;
import dev.parley.contracts.accounting.AccountOverview;
import dev.parley.contracts.accounting.AccountResponse;

class AdminUserServiceTest {

    final UserAccounts accounts = mock(UserAccounts.class);
    final ApiKeyRevocation keys = mock(ApiKeyRevocation.class);
    final AdminAccounting accounting = mock(AdminAccounting.class);
    final AdminUserService service = new AdminUserService(accounts, keys, accounting);

    @Test
    void anAdminCannotLockThemselvesOut() {
        assertConflict(() -> service.setDisabled("a1", "a1", true));
        assertConflict(() -> service.delete("a1", "a1"));
        assertConflict(() -> service.update("a1", "a1", new UpdateUserRequest(null, null, true)));
        assertConflict(() -> service.update("a1", "a1", new UpdateUserRequest(null, List.of("USER"), null)));
        verifyNoInteractions(accounts, keys);
    }

    @Test
    void theListCarriesEachUsersCreditsAndStillListsWhenAccountingIsAway() {
        UserAccount ann = new UserAccount("u1", "ann@example.com", null, List.of("USER"), false, false, null, null,
                null);
        UserAccount bob = new UserAccount("u2", "bob@example.com", null, List.of("USER"), false, false, null, "ext-2",
                null);
        given(accounts.list(null, 0, 50)).willReturn(new PageResponse<>(List.of(ann, bob), 0, 50, 2));
        var credits = new AccountOverview(new AccountResponse("u1", 7, 0, 0, 0, 0, 0, 0, 7, null, "u1", null,
                Instant.EPOCH), List.of());
        given(accounting.accounts(List.of("u1", "u2"))).willReturn(Map.of("u1", credits));

        PageResponse<AdminUserView> page = service.list(null, 0, 50);

        assertThat(page.items()).extracting(AdminUserView::credits).containsExactly(credits, null);
        given(accounting.accounts(List.of("u1", "u2"))).willThrow(ApiProblem.unavailable("away", null));
        assertThat(service.list(null, 0, 50).items()).extracting(AdminUserView::account).containsExactly(ann, bob);
    }

    private static void assertConflict(Runnable call) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, call::run);
        assertThat(problem.kind()).isEqualTo(ProblemKind.CONFLICT);
    }
}
