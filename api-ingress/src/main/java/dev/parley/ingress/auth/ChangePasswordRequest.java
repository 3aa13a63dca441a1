package dev.parley.ingress.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ChangePasswordRequest(
        @NotBlank @PasswordLength String currentPassword,
        @NotBlank @Size(min = 8) @PasswordLength String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[<hidden>]";
    }
}
