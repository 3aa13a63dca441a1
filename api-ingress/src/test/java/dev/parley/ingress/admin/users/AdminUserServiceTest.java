package dev.parley.ingress.admin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.apikey.ApiKeyRevocation;
import dev.parley.ingress.auth.UserAccounts;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.ProblemKind;

class AdminUserServiceTest {

    final UserAccounts accounts = mock(UserAccounts.class);
    final ApiKeyRevocation keys = mock(ApiKeyRevocation.class);
    final AdminUserService service = new AdminUserService(accounts, keys);

    @Test
    void anAdminCannotLockThemselvesOut() {
        assertConflict(() -> service.setDisabled("a1", "a1", true));
        assertConflict(() -> service.delete("a1", "a1"));
        assertConflict(() -> service.update("a1", "a1", new UpdateUserRequest(null, null, true)));
        assertConflict(() -> service.update("a1", "a1", new UpdateUserRequest(null, List.of("USER"), null)));
        verifyNoInteractions(accounts, keys);
    }

    private static void assertConflict(Runnable call) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, call::run);
        assertThat(problem.kind()).isEqualTo(ProblemKind.CONFLICT);
    }
}
