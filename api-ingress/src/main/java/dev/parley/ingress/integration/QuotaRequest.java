package dev.parley.ingress.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.parley.ingress.admin.RefillRequest;

/**
 * An outside system's quota for one of its users.
 *
 * @param balance the balance to set, in credits
 * @param refill automatic refill to set; left unchanged when absent
 * @param email used only when the user is created
 * @param displayName used only when the user is created
 */
record QuotaRequest(
        @NotNull @PositiveOrZero Long balance,
        @Valid RefillRequest refill,
        @Email @Size(max = 254) String email,
        @Size(max = 100) String displayName) {
}
