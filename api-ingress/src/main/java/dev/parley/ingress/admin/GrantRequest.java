package dev.parley.ingress.admin;

import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * @param effectiveAt when the credits arrive; now when absent
 * @param expiresAt when the unspent remainder is removed; never when absent
 */
record GrantRequest(@NotNull @Positive Long amount, Instant effectiveAt, Instant expiresAt) {

    /** The body usage-accounting takes; it names the grant itself. */
    dev.parley.contracts.accounting.GrantRequest toAccounting() {
        return new dev.parley.contracts.accounting.GrantRequest(null, amount, effectiveAt, expiresAt);
    }

    @JsonIgnore
    @AssertTrue(message = "expiresAt must be after effectiveAt")
    boolean isExpiryAfterStart() {
        return expiresAt == null || effectiveAt == null || expiresAt.isAfter(effectiveAt);
    }
}
