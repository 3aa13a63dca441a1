package dev.parley.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.TestPropertySource;

import dev.parley.accounting.IntegrationTest;

/**
 * The recovery jobs find pending changes through their marks, never by reading the ledger by state: a change is
 * marked while it may be pending, unmarked once marked applied or void, a mark left behind by a crash is dropped, and
 * entries left pending before marks existed are marked once per database.
 */
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class PendingMarksIT extends IntegrationTest {

    private static final List<LedgerType> CHANGES = List.of(LedgerType.GRANT, LedgerType.RELEASE);

    @Autowired
    LedgerRepository ledger;
    @Autowired
    PendingMarks marks;
    @Autowired
    PendingMarksBackfill backfill;
    @Autowired
    MongoOperations mongo;

    @Test
    void aChangeIsMarkedWhilePendingAndUnmarkedOnceApplied() {
        LedgerEntry grant = grant();
        assertThat(ledger.insertPending(grant)).isTrue();

        assertThat(isMarked(grant)).isTrue();
        assertThat(pendingIds(later(grant))).contains(grant.eventId());
        assertThat(pendingIds(grant.createdAt())).as("young entries are left to their request")
                .doesNotContain(grant.eventId());

        ledger.markApplied(grant.eventId(), 5, Instant.now());

        assertThat(isMarked(grant)).isFalse();
        assertThat(pendingIds(later(grant))).doesNotContain(grant.eventId());
    }

    @Test
    void aVoidedChangeIsUnmarked() {
        LedgerEntry grant = grant();
        ledger.insertPending(grant);

        ledger.markVoid(grant.eventId());

        assertThat(isMarked(grant)).isFalse();
        assertThat(ledger.find(grant.eventId()).orElseThrow().state()).isEqualTo(LedgerState.VOID);
    }

    @Test
    void usageDebitsAreNotMarked() {
        var debit = new LedgerEntry("usage-" + UUID.randomUUID(), LedgerType.DEBIT, "u", "u", "r", null, "mock",
                "mock-1", LedgerTokens.NONE, "PROVIDER_REPORTED", "COMPLETED", false, 5, 0, LedgerState.PENDING, null,
                Instant.now(), Instant.now(), null, null);

        ledger.insertPending(debit);

        assertThat(isMarked(debit)).isFalse();
        mongo.remove(query(where("_id").is(debit.eventId())), LedgerEntry.class);
    }

    @Test
    void aMarkLeftBehindAfterItsEntryWasFinishedIsDropped() {
        LedgerEntry grant = grant();
        ledger.insertPending(grant);
        ledger.markApplied(grant.eventId(), 5, Instant.now());
        // a crash between the entry's mark and the removal of its pending mark
        marks.mark(grant);

        assertThat(pendingIds(later(grant))).doesNotContain(grant.eventId());
        assertThat(isMarked(grant)).isFalse();
    }

    @Test
    void aMarkWithoutItsEntryIsKeptForASlowWriterThenDropped() {
        LedgerEntry grant = grant();
        // a crash between the mark and the entry
        marks.mark(grant);

        assertThat(pendingIds(later(grant))).doesNotContain(grant.eventId());
        assertThat(isMarked(grant)).isTrue();

        pendingIds(grant.createdAt().plus(LedgerRepository.ORPHAN_MARK_AGE).plusSeconds(60));
        assertThat(isMarked(grant)).isFalse();
    }

    @Test
    void anEntryLeftPendingBeforeMarksExistedIsFoundOnceTheBackfillMarkedIt() {
        LedgerEntry grant = grant();
        mongo.insert(grant);

        assertThat(pendingIds(later(grant))).as("the ledger is not read by state").doesNotContain(grant.eventId());

        backfill.backfill();

        assertThat(pendingIds(later(grant))).contains(grant.eventId());
        ledger.markVoid(grant.eventId());
    }

    @Test
    void theBackfillRunsOncePerDatabase() {
        mongo.remove(query(where("_id").is(PendingMarksBackfill.ID)), PendingMarksBackfill.COLLECTION);
        LedgerEntry before = grant();
        mongo.insert(before);

        backfill.backfillOnce();
        LedgerEntry after = grant();
        mongo.insert(after);
        backfill.backfillOnce();

        assertThat(isMarked(before)).isTrue();
        assertThat(isMarked(after)).isFalse();
        assertThat(mongo.exists(query(where("_id").is(PendingMarksBackfill.ID)), PendingMarksBackfill.COLLECTION))
                .isTrue();
        ledger.markVoid(before.eventId());
        ledger.markVoid(after.eventId());
    }

    private List<String> pendingIds(Instant createdBefore) {
        return ledger.pending(CHANGES, createdBefore, 10_000).stream().map(LedgerEntry::eventId).toList();
    }

    private boolean isMarked(LedgerEntry entry) {
        return mongo.exists(query(where("_id").is(entry.eventId())), PendingMark.class);
    }

    private static Instant later(LedgerEntry entry) {
        return entry.createdAt().plus(Duration.ofSeconds(11));
    }

    private static LedgerEntry grant() {
        String account = newUserId();
        Instant now = Instant.now();
        return LedgerEntry.change("grant:" + UUID.randomUUID(), LedgerType.GRANT, account, 100, "ADMIN", now, now,
                null);
    }
}
