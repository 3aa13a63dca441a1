package dev.parley.accounting.ledger;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One recorded provider call and what it cost (collection {@code ledger}, id = the event id).
 *
 * @param amount tokens debited from the balance
 * @param source whether the token counts are provider-reported or estimated
 * @param outcome how the call ended: completed, cancelled or failed
 * @param ownKey the call used the user's own provider key
 * @param balanceAfter the balance right after this entry was applied; null while pending
 */
@Document(LedgerRepository.COLLECTION)
public record LedgerEntry(
        @Id String eventId,
        String userId,
        String requestId,
        String conversationId,
        String provider,
        String model,
        LedgerTokens tokens,
        String source,
        String outcome,
        boolean ownKey,
        long amount,
        LedgerState state,
        Long balanceAfter,
        Instant recordedAt,
        Instant createdAt,
        Instant appliedAt) {
}
