package dev.parley.accounting.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.Reservation;

/** Which waiting holds are written together, and that a group that fails is retried hold by hold. */
class HoldLanesTest {

    private static final ReservationLimits UNBOUNDED = new ReservationLimits(1000, null);

    @Test
    void theOldestWaitingHoldsAreWrittenTogetherUpToTheLargestGroup() {
        var lane = new HoldLanes.Lane();
        for (int i = 0; i < HoldLanes.MAX_GROUP + 3; i++) {
            lane.add(pending("r" + i, "u" + i, UNBOUNDED));
        }

        List<HoldLanes.Pending> group = lane.next();

        assertThat(group).hasSize(HoldLanes.MAX_GROUP);
        assertThat(group.get(0).reservation().reservationId()).isEqualTo("r0");
        assertThat(lane.next()).extracting(p -> p.reservation().reservationId()).containsExactly("r64", "r65", "r66");
        assertThat(lane.isEmpty()).isTrue();
    }

    @Test
    void aGroupHoldsNoMoreOfOneUserThanTheirBoundAndEachIdOnce() {
        var lane = new HoldLanes.Lane();
        var twoAtOnce = new ReservationLimits(1000, 2);
        lane.add(pending("a", "ada", twoAtOnce));
        lane.add(pending("a", "ada", twoAtOnce));
        lane.add(pending("b", "ada", twoAtOnce));
        lane.add(pending("c", "ada", twoAtOnce));
        lane.add(pending("d", "bob", twoAtOnce));

        assertThat(lane.next()).extracting(p -> p.reservation().reservationId()).containsExactly("a", "b", "d");
        assertThat(lane.next()).extracting(p -> p.reservation().reservationId()).containsExactly("a", "c");
    }

    @Test
    void aGroupWhoseWriteMatchesNothingIsTriedHoldByHold() {
        List<Integer> sizes = new ArrayList<>();
        Account account = account();
        HoldLanes.Writer onlyAlone = group -> {
            Document update = group.update();
            int size = update.get("$inc", Document.class).getInteger("reservationCount");
            sizes.add(size);
            return size == 1 ? Optional.of(account) : Optional.empty();
        };
        List<HoldLanes.Pending> group = List.of(pending("a", "ada", UNBOUNDED), pending("b", "bob", UNBOUNDED));

        HoldLanes.write(group, onlyAlone);

        assertThat(sizes).containsExactly(2, 1, 1);
        assertThat(group).allSatisfy(p -> assertThat(p.result().join()).contains(account));
    }

    @Test
    void aGroupThatIsHeldAnswersEveryHoldOfIt() {
        Account account = account();
        List<HoldLanes.Pending> group = List.of(pending("a", "ada", UNBOUNDED), pending("b", "ada", UNBOUNDED));

        HoldLanes.write(group, ignored -> Optional.of(account));

        assertThat(group).allSatisfy(p -> assertThat(p.result().join()).contains(account));
    }

    @Test
    void aGroupFilterAsksForRoomForAllOfItAndTheUpdateHoldsTheirSum() {
        var group = new HoldGroup(List.of(reservation("a", "ada"), reservation("b", "ada")),
                List.of(new ReservationLimits(1000, 8), new ReservationLimits(1000, 5)));

        Document filter = group.filter(new Document("_id", "ada"), true);
        Document update = group.update();

        assertThat(filter.get("available", Document.class)).isEqualTo(new Document("$gte", 20L));
        assertThat(filter.get("reservationCount", Document.class)).isEqualTo(new Document("$lt", 999));
        assertThat(filter.toJson()).contains("\"$nin\": [\"a\", \"b\"]", "\"activeByUser.ada\": {\"$lt\": 4}",
                "\"organisationId\": {\"$exists\": false}");
        assertThat(update.get("$inc", Document.class)).containsEntry("reserved", 20L).containsEntry("available", -20L)
                .containsEntry("reservationCount", 2).containsEntry("activeByUser.ada", 2);
    }

    private static HoldLanes.Pending pending(String id, String user, ReservationLimits limits) {
        return new HoldLanes.Pending(reservation(id, user), limits, new CompletableFuture<>());
    }

    private static Reservation reservation(String id, String user) {
        return new Reservation(id, user, "m", 10, Instant.EPOCH, Instant.EPOCH);
    }

    private static Account account() {
        return new Account("ada", 100, 100, 0, 0, 0, 0, 0, 100, List.of(), null, null, List.of(), 0, 0, List.of(), null,
                List.of(), Map.of(), Instant.EPOCH, Instant.EPOCH);
    }
}
