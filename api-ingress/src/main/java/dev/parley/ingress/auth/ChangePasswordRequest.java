package dev.parley.ingress.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ChangePasswordRequest(
        @NotBlank @Size(max = 128) String currentPassword,
        @NotBlank @Size(min = 8, max = 128) String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[<hidden>]";
    }
}
