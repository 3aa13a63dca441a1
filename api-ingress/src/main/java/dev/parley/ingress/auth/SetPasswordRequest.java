package dev.parley.ingress.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param token the link's token (what follows {@code #/set-password/} in the link) */
record SetPasswordRequest(@NotBlank @Size(max = 512) String token,
        @NotBlank @Size(min = 8) @PasswordLength String password) {

    @Override
    public String toString() {
        return "SetPasswordRequest[token=<hidden>, password=<hidden>]";
    }
}
