package dev.parley.ingress.usage;

import java.time.Instant;

/** A user's token account as usage-accounting reports it; amounts are whole tokens. */
public record AccountSnapshot(
        String userId,
        long balance,
        long startingBalance,
        long inputTokens,
        long outputTokens,
        long debitedTokens,
        Instant updatedAt) {
}
