package dev.parley.contracts.accounting;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** @param state {@code SCHEDULED}, {@code ACTIVE} (applied) or {@code EXPIRED} */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantResponse(String grantId, String accountId, long amount, Instant effectiveAt, Instant expiresAt,
        String state) {
}
