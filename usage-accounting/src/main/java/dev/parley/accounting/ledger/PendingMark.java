package dev.parley.accounting.ledger;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Says that the ledger entry with this id may be PENDING (collection {@code ledger_pending}). Written before the
 * entry, removed after it is marked, so the recovery jobs read this small collection instead of the whole ledger.
 *
 * @param createdAt the entry's creation time, so that the jobs leave young entries to the request still running
 */
@Document(PendingMarks.COLLECTION)
record PendingMark(@Id String eventId, LedgerType type, Instant createdAt) {
}
