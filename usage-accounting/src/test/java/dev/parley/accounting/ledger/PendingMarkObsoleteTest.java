package dev.parley.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PendingMarkObsoleteTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @Test
    void aMarkOfAPendingEntryStays() {
        assertThat(LedgerRepository.obsolete(mark(NOW), entry(LedgerState.PENDING), NOW)).isFalse();
    }

    @Test
    void aMarkOfAFinishedEntryGoes() {
        assertThat(LedgerRepository.obsolete(mark(NOW), entry(LedgerState.APPLIED), NOW)).isTrue();
        assertThat(LedgerRepository.obsolete(mark(NOW), entry(LedgerState.VOID), NOW)).isTrue();
    }

    @Test
    void aMarkWithoutItsEntryStaysUntilNoWriterCanStillBeAboutToInsertIt() {
        Instant young = NOW.minus(LedgerRepository.ORPHAN_MARK_AGE).plus(Duration.ofMinutes(1));
        Instant old = NOW.minus(LedgerRepository.ORPHAN_MARK_AGE).minus(Duration.ofMinutes(1));

        assertThat(LedgerRepository.obsolete(mark(young), null, NOW)).isFalse();
        assertThat(LedgerRepository.obsolete(mark(old), null, NOW)).isTrue();
    }

    private static PendingMark mark(Instant createdAt) {
        return new PendingMark("grant:g", LedgerType.GRANT, createdAt);
    }

    private static LedgerEntry entry(LedgerState state) {
        return new LedgerEntry("grant:g", LedgerType.GRANT, "u", "u", null, null, null, null, LedgerTokens.NONE,
                "ADMIN", null, false, 100, 0, state, null, NOW, NOW, null, null);
    }
}
