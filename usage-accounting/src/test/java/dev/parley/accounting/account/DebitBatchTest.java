package dev.parley.accounting.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class DebitBatchTest {

    private static final Date NOW = new Date(0);

    @Test
    void oneDebitIsTheSingleDebitWrite() {
        var settles = new Reservation("r1", "u1", "m", 500, null, null);
        var batch = new DebitBatch(List.of(new AccountDebit("u1", "e1", "r1", 300, 200, 100, 300, settles)), 1024, 3);

        Document filter = batch.filter(new Document("_id", "u1"));
        Document update = batch.update(NOW);

        assertThat(filter).containsEntry("recentEventIds", new Document("$ne", "e1")).containsEntry("eventEpoch", 3L)
                .containsEntry("reservations", new Document("$elemMatch",
                        new Document("reservationId", "r1").append("amount", 500L)))
                .doesNotContainKeys("$and", "reservations.reservationId");
        Document inc = update.get("$inc", Document.class);
        assertThat(inc).containsEntry("balance", -300L).containsEntry("available", 200L)
                .containsEntry("reserved", -500L).containsEntry("reservationCount", -1)
                .containsEntry(Account.activeField("u1"), -1);
        assertThat(update.get("$pull", Document.class)).isEqualTo(
                new Document("reservations", new Document("reservationId", "r1")));
    }

    @Test
    void severalDebitsAreSummedUnderEachOnesCondition() {
        var r1 = new Reservation("r1", "u1", "m", 500, null, null);
        var r2 = new Reservation("r2", "u2", "m", 400, null, null);
        var batch = new DebitBatch(List.of(
                new AccountDebit("org:o", "e1", "r1", 300, 200, 100, 300, r1),
                new AccountDebit("org:o", "e2", "r2", 100, 60, 40, 100, r2),
                // a second call of request r1: r1's reservation is settled by e1 in this same write
                new AccountDebit("org:o", "e3", "r1", 10, 5, 5, 10, null),
                new AccountDebit("org:o", "e4", "r9", 7, 5, 2, 7, null)), 1024, 0);

        Document filter = batch.filter(new Document("_id", "org:o"));
        Document update = batch.update(NOW);

        assertThat(filter.get("recentEventIds")).isEqualTo(new Document("$nin", List.of("e1", "e2", "e3", "e4")));
        // accounts written before the epoch existed have none: epoch 0 matches it missing
        assertThat(filter.get("eventEpoch")).isEqualTo(new Document("$in", Arrays.asList(null, 0L)));
        assertThat(filter.getList("$and", Document.class)).hasSize(2);
        assertThat(filter.get("reservations.reservationId")).isEqualTo(new Document("$ne", "r9"));
        Document inc = update.get("$inc", Document.class);
        assertThat(inc).containsEntry("balance", -417L).containsEntry("reserved", -900L)
                .containsEntry("available", 900L - 417L).containsEntry("debitedCredits", 417L)
                .containsEntry("inputTokens", 270L).containsEntry("reservationCount", -2)
                .containsEntry(Account.activeField("u1"), -1).containsEntry(Account.activeField("u2"), -1);
        assertThat(update.get("$set", Document.class)).containsEntry("lastAppliedEventId", "e4");
        assertThat(update.get("$push", Document.class).get("recentEventIds", Document.class))
                .containsEntry("$each", List.of("e1", "e2", "e3", "e4")).doesNotContainKey("$slice");
        assertThat(inc).containsEntry("recentEventCount", 4L);
        assertThat(update.get("$pull", Document.class)).isEqualTo(new Document("reservations",
                new Document("reservationId", new Document("$in", List.of("r1", "r2")))));
    }

    @Test
    void aReservationIsSettledOnceAndTheWindowBoundsTheWrite() {
        var r1 = new Reservation("r1", "u1", "m", 500, null, null);
        assertThatThrownBy(() -> new DebitBatch(List.of(new AccountDebit("u1", "e1", "r1", 1, 1, 0, 1, r1),
                new AccountDebit("u1", "e2", "r1", 1, 1, 0, 1, r1)), 1024, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DebitBatch(List.of(AccountDebit.ofTokens("u1", "e1", 1, 1),
                AccountDebit.ofTokens("u1", "e2", 1, 1)), 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
