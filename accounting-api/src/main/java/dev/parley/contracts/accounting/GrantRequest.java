package dev.parley.contracts.accounting;

import java.time.Instant;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * @param grantId idempotency key; generated when absent
 * @param effectiveAt when the credits arrive; now when absent
 * @param expiresAt when the unspent remainder is removed; never when absent
 */
public record GrantRequest(@Size(max = 128) String grantId, @Positive long amount, Instant effectiveAt,
        Instant expiresAt) {
}
