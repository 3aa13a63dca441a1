package dev.parley.ingress.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * Asks for a set-password link.
 *
 * @param email for a user without one: the address to sign in with
 */
public record PasswordLinkRequest(@Email @Size(max = 254) String email) {
}
