package dev.parley.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.ingress.auth.RegistrationProperties.RegistrationMode;
import dev.parley.ingress.limit.RegistrationLimit;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

class RegistrationsTest {

    final Invitations invitations = mock(Invitations.class);
    final AdminBootstrap bootstrap = mock(AdminBootstrap.class);
    final AccountingApi accounting = mock(AccountingApi.class);

    @Test
    void openModeAdmitsAnyoneWithTheOpenBalance() {
        var admission = registrations(RegistrationMode.OPEN, 3).admit("ann@example.com", null, "10.0.0.1");

        assertThat(admission.startingBalance()).isEqualTo(500);
        assertThat(admission.invitation()).isNull();
    }

    @Test
    void closedModeAdmitsNobodyButTheUnredeemedBootstrapToken() {
        given(bootstrap.admitsRegistration("the-token")).willReturn(true);
        Registrations closed = registrations(RegistrationMode.CLOSED, 10);

        assertThat(refusal(() -> closed.admit("ann@example.com", null, "10.0.0.1")).kind())
                .isEqualTo(ProblemKind.REGISTRATION_CLOSED);
        assertThat(refusal(() -> closed.admit("ann@example.com", "some-code", "10.0.0.1")).kind())
                .isEqualTo(ProblemKind.REGISTRATION_CLOSED);
        assertThat(closed.admit("root@example.com", "the-token", "10.0.0.1").startingBalance()).isEqualTo(700);
        verifyNoInteractions(invitations);
    }

    @Test
    void inviteModeNeedsALiveInvitationWhoseBalanceWins() {
        given(invitations.use(any(), any())).willReturn(Optional.empty());
        given(invitations.use("inv_good", "ann@example.com")).willReturn(Optional.of(new Invitations.Invitation("h",
                null, 42L, "admin", Instant.EPOCH, Instant.MAX, Instant.EPOCH, "ann@example.com")));
        Registrations invite = registrations(RegistrationMode.INVITE, 10);

        assertThat(refusal(() -> invite.admit("ann@example.com", null, "10.0.0.1")).kind())
                .isEqualTo(ProblemKind.REGISTRATION_CLOSED);
        assertThat(refusal(() -> invite.admit("ann@example.com", "inv_bad", "10.0.0.1")).kind())
                .isEqualTo(ProblemKind.REGISTRATION_CLOSED);
        assertThat(invite.admit("ann@example.com", "inv_good", "10.0.0.1").startingBalance()).isEqualTo(42);
    }

    @Test
    void anAddressMayAttemptOnlySoManyRegistrationsPerHour() {
        Registrations open = registrations(RegistrationMode.OPEN, 3);
        for (int i = 0; i < 3; i++) {
            open.admit("user" + i + "@example.com", null, "10.0.0.1");
        }

        ApiProblem refused = refusal(() -> open.admit("one-more@example.com", null, "10.0.0.1"));

        assertThat(refused.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(open.admit("elsewhere@example.com", null, "10.0.0.2").startingBalance()).isEqualTo(500);
    }

    private Registrations registrations(RegistrationMode mode, int perHour) {
        return new Registrations(new RegistrationProperties(mode, perHour, 500, 700),
                RegistrationLimit.perHour(perHour), invitations, bootstrap, accounting);
    }

    private static ApiProblem refusal(Runnable attempt) {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class, attempt::run);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
