package dev.parley.ingress.auth;

import org.springframework.stereotype.Service;

import dev.parley.contracts.accounting.OpenAccountRequest;
import dev.parley.ingress.auth.Invitations.Invitation;
import dev.parley.ingress.limit.RegistrationLimit;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Who may register (the mode, an invitation, the per-address limit) and the credits a registration brings: the
 * account at usage-accounting is opened with the mode's starting balance when the user is created, instead of
 * accounting granting a balance to whatever id it first sees.
 */
@Service
class Registrations {

    /** A registration that may go ahead, and what it brings. */
    record Admission(Invitation invitation, long startingBalance) {
    }

    private final RegistrationProperties properties;
    private final RegistrationLimit limit;
    private final Invitations invitations;
    private final AdminBootstrap bootstrap;
    private final AccountingApi accounting;

    Registrations(RegistrationProperties properties, RegistrationLimit limit, Invitations invitations,
            AdminBootstrap bootstrap, AccountingApi accounting) {
        this.properties = properties;
        this.limit = limit;
        this.invitations = invitations;
        this.bootstrap = bootstrap;
        this.accounting = accounting;
    }

    /**
     * Counts the attempt against the address, then checks the mode; an invitation is used up here.
     *
     * @throws ApiProblem 429 beyond the address's limit, 403 {@code registration-closed} when the mode refuses
     */
    Admission admit(String email, String inviteCode, String address) {
        limit.attempt(address);
        if (bootstrap.admitsRegistration(inviteCode)) {
            return new Admission(null, properties.inviteStartingBalance());
        }
        if (properties.mode() == RegistrationProperties.RegistrationMode.CLOSED) {
            throw new ApiProblem(ProblemKind.REGISTRATION_CLOSED, "Registration is closed");
        }
        if (inviteCode != null && !inviteCode.isBlank()) {
            // an invitation works in open mode too, and brings its own credits
            Invitation invitation = invitations.use(inviteCode, email).orElseThrow(() -> new ApiProblem(
                    ProblemKind.REGISTRATION_CLOSED, "The invitation code is unknown, used, expired or for another "
                            + "address"));
            return new Admission(invitation, invitation.startingBalance() != null ? invitation.startingBalance()
                    : properties.inviteStartingBalance());
        }
        if (properties.mode() == RegistrationProperties.RegistrationMode.INVITE) {
            throw new ApiProblem(ProblemKind.REGISTRATION_CLOSED, "Registration needs an invitation code");
        }
        return new Admission(null, properties.openStartingBalance());
    }

    /** Opens the new user's account with the admission's credits (idempotent at accounting). */
    void grant(String userId, Admission admission) {
        accounting.call(api -> api.openAccount(userId, new OpenAccountRequest(admission.startingBalance())));
    }

    /** The registration failed after admission: its invitation may be used again. */
    void abandon(Admission admission) {
        if (admission.invitation() != null) {
            invitations.release(admission.invitation());
        }
    }
}
