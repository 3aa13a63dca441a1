package dev.parley.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    final OffsetTracker<String> tracker = new OffsetTracker<>();

    @Test
    void acknowledgesARecordThatFinishesFirstInItsPartition() {
        tracker.track(at(0, 5), "ack-5");

        assertThat(tracker.complete(at(0, 5))).contains("ack-5");
        assertThat(tracker.tracked()).isZero();
    }

    @Test
    void holdsALaterRecordBackUntilTheEarlierOneFinished() {
        tracker.track(at(0, 5), "ack-5");
        tracker.track(at(0, 6), "ack-6");
        tracker.track(at(0, 7), "ack-7");

        assertThat(tracker.complete(at(0, 7))).isEmpty();
        assertThat(tracker.complete(at(0, 6))).isEmpty();
        assertThat(tracker.complete(at(0, 5))).as("commits 5, 6 and 7 at once").contains("ack-7");
        assertThat(tracker.tracked()).isZero();
    }

    @Test
    void commitsTheFinishedPrefixOnly() {
        tracker.track(at(0, 1), "ack-1");
        tracker.track(at(0, 2), "ack-2");
        tracker.track(at(0, 3), "ack-3");

        assertThat(tracker.complete(at(0, 2))).isEmpty();
        assertThat(tracker.complete(at(0, 1))).contains("ack-2");
        assertThat(tracker.tracked()).isEqualTo(1);
    }

    @Test
    void keepsPartitionsIndependent() {
        tracker.track(at(0, 1), "p0");
        tracker.track(at(1, 1), "p1");

        assertThat(tracker.complete(at(1, 1))).contains("p1");
        assertThat(tracker.tracked()).isEqualTo(1);
    }

    @Test
    void adoptsTheNewHandleOfARecordDeliveredAgainWhileRunning() {
        assertThat(tracker.track(at(0, 4), "first delivery")).isTrue();

        assertThat(tracker.track(at(0, 4), "second delivery")).isFalse();
        assertThat(tracker.complete(at(0, 4))).contains("second delivery");
    }

    @Test
    void ignoresRecordsItDoesNotTrack() {
        assertThat(tracker.complete(at(3, 9))).isEmpty();
    }

    @Test
    void aFinishedRecordDeliveredAgainBeforeItsCommitIsAcknowledgedWithItsNewHandle() {
        tracker.track(at(0, 1), "first");
        tracker.track(at(0, 2), "second");
        assertThat(tracker.complete(at(0, 2))).isEmpty();

        assertThat(tracker.track(at(0, 2), "second, again")).isFalse();
        assertThat(tracker.committable(0)).as("1 still runs").isEmpty();
        assertThat(tracker.complete(at(0, 1))).contains("second, again");
    }

    @Test
    void aRevokedPartitionIsNotAcknowledgedAndItsRecordsRunAgainWhenItGoesElsewhere() {
        tracker.track(at(0, 1), "p0");
        tracker.track(at(1, 1), "p1");

        tracker.revoke(List.of(0));
        assertThat(tracker.complete(at(0, 1))).as("no longer ours").isEmpty();
        tracker.assign(List.of());

        assertThat(tracker.tracked()).isEqualTo(1);
        assertThat(tracker.track(at(0, 1), "redelivered here later")).as("runs again").isTrue();
        assertThat(tracker.complete(at(1, 1))).contains("p1");
    }

    @Test
    void aPartitionRevokedAndAssignedBackKeepsItsRecordsSoARedeliveryIsNotRunTwice() {
        tracker.track(at(0, 1), "old handle");
        tracker.track(at(0, 2), "old handle 2");

        tracker.revoke(List.of(0));
        assertThat(tracker.complete(at(0, 2))).isEmpty();
        tracker.assign(List.of(0));

        assertThat(tracker.track(at(0, 1), "new handle")).as("still running here").isFalse();
        assertThat(tracker.complete(at(0, 1))).as("2 finished meanwhile").contains("old handle 2");
        assertThat(tracker.tracked()).isZero();
    }

    @Test
    void lostPartitionsAreForgotten() {
        tracker.track(at(3, 9), "p3");

        tracker.lose(List.of(3));

        assertThat(tracker.tracked()).isZero();
        assertThat(tracker.complete(at(3, 9))).isEmpty();
    }

    private static RecordPosition at(int partition, long offset) {
        return new RecordPosition(partition, offset);
    }
}
