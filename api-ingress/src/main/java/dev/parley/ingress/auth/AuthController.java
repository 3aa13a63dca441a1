package dev.parley.ingress.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Auth", description = "Accounts, access tokens (JWT) and rotating refresh tokens")
class AuthController {

    private final AuthService auth;
    private final ProfileService profiles;

    AuthController(AuthService auth, ProfileService profiles) {
        this.auth = auth;
        this.profiles = profiles;
    }

    @PostMapping("/register")
    @SecurityRequirements
    @Operation(summary = "Create an account", description = "In `open` mode anyone may; in `invite` mode with an "
            + "admin's `inviteCode`; in `closed` mode nobody (403 `registration-closed`). Attempts per client address "
            + "are limited per hour (429 with `Retry-After`). The account starts with the mode's credits.")
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        return auth.register(request, http.getRemoteAddr());
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Sign in", description = "Answers an access token and a refresh token. Failed attempts "
            + "are limited per email and per client address (429 with `Retry-After` beyond).")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return auth.login(request, http.getRemoteAddr());
    }

    @PostMapping("/refresh")
    @SecurityRequirements
    @Operation(summary = "Exchange a refresh token for a new pair", description = "Each refresh token works once.")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return auth.refresh(request);
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke a refresh token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(Authentication user, @Valid @RequestBody RefreshRequest request) {
        auth.logout(user.getName(), request);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    MeResponse me(Authentication user) {
        return profiles.me(user.getName());
    }

    @PatchMapping("/me")
    @Operation(summary = "Change the signed-in account's profile", description = "Absent fields stay as they are.")
    MeResponse update(Authentication user, @Valid @RequestBody UpdateProfileRequest request) {
        return profiles.update(user.getName(), request);
    }

    @PostMapping("/password")
    @Operation(summary = "Change the password", description = "Needs the current password (400 when wrong, "
            + "limited like sign-ins); signs the account out everywhere by revoking every refresh token.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Authentication user, @Valid @RequestBody ChangePasswordRequest request,
            HttpServletRequest http) {
        profiles.changePassword(user.getName(), request, http.getRemoteAddr());
    }
}
