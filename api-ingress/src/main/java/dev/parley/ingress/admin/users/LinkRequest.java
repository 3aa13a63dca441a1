package dev.parley.ingress.admin.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** @param email for a user without one: the address to sign in with */
public record LinkRequest(@Email @Size(max = 254) String email) {
}
