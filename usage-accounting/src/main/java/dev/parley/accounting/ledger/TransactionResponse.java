package dev.parley.accounting.ledger;

import java.time.Instant;

/**
 * One ledger entry as users and admins read it.
 *
 * @param delta signed change of the balance in credits
 */
record TransactionResponse(String id, LedgerType type, String userId, String accountId, String requestId,
        String conversationId, String provider, String model, LedgerTokens tokens, String source, String outcome,
        boolean ownKey, long amount, long delta, long released, Long balanceAfter, Instant recordedAt) {

    static TransactionResponse of(LedgerEntry entry) {
        return new TransactionResponse(entry.eventId(), entry.type(), entry.userId(), entry.accountId(),
                entry.requestId(), entry.conversationId(), entry.provider(), entry.model(), entry.tokens(),
                entry.source(), entry.outcome(), entry.ownKey(), entry.amount(), entry.delta(), entry.released(),
                entry.balanceAfter(), entry.recordedAt());
    }
}
