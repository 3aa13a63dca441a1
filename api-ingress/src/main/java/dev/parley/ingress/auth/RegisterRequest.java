package dev.parley.ingress.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RegisterRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 8) @PasswordLength String password,
        @Size(max = 100) String displayName,
        @Size(max = 512) String inviteCode) {

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", displayName=" + displayName + ", inviteCode=<hidden>]";
    }
}
