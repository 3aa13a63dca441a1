package dev.parley.ingress.auth;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Redeems a set-password link; the link itself is the credential, so no bearer token is needed. */
@RestController
@Tag(name = "Auth")
class PasswordLinkController {

    private final PasswordLinks links;

    PasswordLinkController(PasswordLinks links) {
        this.links = links;
    }

    @PostMapping("/api/auth/password-link")
    @SecurityRequirements
    @Operation(summary = "Set a password with a link", description = "A link from `POST /api/integrations/users/"
            + "{externalId}/password-link` or `POST /api/admin/users/{userId}/password-link`: one use, until it "
            + "expires. Signs the user in (the other sessions end); an unknown, used or expired link is a 401.")
    TokenResponse setPassword(@Valid @RequestBody SetPasswordRequest request) {
        return links.redeem(request.token(), request.password());
    }
}
