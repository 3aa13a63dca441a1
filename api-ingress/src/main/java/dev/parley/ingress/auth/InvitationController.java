package dev.parley.ingress.auth;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Admin users")
class InvitationController {

    /**
     * @param email the only address that may use it; absent: any
     * @param startingBalance credits of the account; absent: the configured invite balance
     * @param validDays how long it may be used (1..90, default 7)
     */
    record InvitationRequest(@Email @Size(max = 254) String email, @PositiveOrZero Long startingBalance,
            @Min(1) @Max(90) Integer validDays) {
    }

    /** @param code shown once: only its hash is stored */
    record InvitationResponse(String code, String email, Long startingBalance, Instant expiresAt) {

        @Override
        public String toString() {
            return "InvitationResponse[code=<hidden>, email=" + email + "]";
        }
    }

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/api/admin/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite someone", description = "A single-use code for `POST /api/auth/register` "
            + "(`inviteCode`) in `invite` mode, shown only in this answer.")
    InvitationResponse create(Authentication admin, @Valid @RequestBody InvitationRequest request) {
        var created = invitations.create(admin.getName(), request.email(), request.startingBalance(),
                Duration.ofDays(request.validDays() == null ? 7 : request.validDays()));
        return new InvitationResponse(created.code(), created.invitation().email(),
                created.invitation().startingBalance(), created.invitation().expiresAt());
    }
}
