package dev.parley.accounting.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class EventIdGuardTest {

    @Test
    void onlyIdsWhoseEntriesAreAppliedLeaveInTheirOrder() {
        assertThat(EventIdGuard.trimmable(List.of("e1", "e2", "e3", "e4"), List.of("e4", "e2", "x")))
                .containsExactly("e2", "e4");
        assertThat(EventIdGuard.trimmable(List.of("e1"), List.of())).isEmpty();
    }

    @Test
    void whatTheAccountHoldsOrTheLedgerShowsAppliedIsNotAppliedAgain() {
        assertThat(EventIdGuard.toApply(List.of("e1", "e2", "e3", "e4"), List.of("e1"), List.of("e3")))
                .containsExactly("e2", "e4");
        assertThat(EventIdGuard.toApply(List.of("e1"), List.of(), List.of())).containsExactly("e1");
    }

    @Test
    void epochZeroAlsoMatchesAnAccountWrittenBeforeTheEpochExisted() {
        assertThat(EventIdGuard.epochIs(0)).isEqualTo(new Document("$in", Arrays.asList(null, 0L)));
        assertThat(EventIdGuard.epochIs(7)).isEqualTo(7L);
    }

    @Test
    void trimmingIsDueAfterEnoughNewIds() {
        assertThat(EventIdGuard.shouldTrim(account(EventIdGuard.TRIM_AFTER - 1))).isFalse();
        assertThat(EventIdGuard.shouldTrim(account(EventIdGuard.TRIM_AFTER))).isTrue();
    }

    private static Account account(long count) {
        return new Account("u1", 0, 0, 0, 0, 0, 0, 0, 0, List.of(), null, null, List.of(), 0, count, List.of(), null,
                List.of(), Map.of(), Instant.EPOCH, Instant.EPOCH);
    }
}
