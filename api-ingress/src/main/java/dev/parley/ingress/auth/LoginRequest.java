package dev.parley.ingress.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @PasswordLength String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
