package dev.parley.accounting.ledger;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change of an account: a priced provider call, a reservation release, a grant, its expiry, a refill or an
 * adjustment (collection {@code ledger}; the id is the usage event id, or a key derived from what the entry
 * applies, such as {@code grant:<grantId>}, so that applying it twice is a duplicate key).
 *
 * @param userId the user the entry is about
 * @param accountId the account whose balance changed: the user's, or their organisation's
 * @param amount credits, never negative; {@link LedgerType#sign()} says in which direction they moved
 * @param released credits of a reservation this entry released (settled usage or a release)
 * @param source where the numbers come from: {@code PROVIDER_REPORTED} or {@code ESTIMATED} for usage, else who
 *        made the change ({@code ADMIN}, {@code INTEGRATION}, {@code SCHEDULE}, {@code API})
 * @param outcome how the call ended: completed, cancelled or failed; null for other entries
 * @param ownKey the call used the user's own provider key
 * @param balanceAfter the balance right after this entry was applied; null while pending
 * @param recordedAt when it happened: the call's time for usage, the effective time for the others; reports and
 *        date ranges use it
 * @param condition for a balance change that is not usage: what must still hold for it to apply; null when nothing
 */
@Document(LedgerRepository.COLLECTION)
public record LedgerEntry(
        @Id String eventId,
        LedgerType type,
        String userId,
        String accountId,
        String requestId,
        String conversationId,
        String provider,
        String model,
        LedgerTokens tokens,
        String source,
        String outcome,
        boolean ownKey,
        long amount,
        long released,
        LedgerState state,
        Long balanceAfter,
        Instant recordedAt,
        Instant createdAt,
        Instant appliedAt,
        LedgerCondition condition) {

    public LedgerEntry {
        type = type != null ? type : LedgerType.DEBIT;
        accountId = accountId != null ? accountId : userId;
    }

    /** A pending balance change that is not usage, applied only while {@code condition} (if any) holds. */
    public static LedgerEntry change(String id, LedgerType type, String accountId, long amount, String source,
            Instant recordedAt, Instant createdAt, LedgerCondition condition) {
        return new LedgerEntry(id, type, accountId, accountId, null, null, null, null, LedgerTokens.NONE, source, null,
                false, amount, 0, LedgerState.PENDING, null, recordedAt, createdAt, null, condition);
    }

    /** The signed change of the balance. */
    public long delta() {
        return type.sign() * amount;
    }
}
