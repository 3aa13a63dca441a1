package dev.parley.ingress.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpProgressTest {

    static final TopicPartition P0 = new TopicPartition("chat.stream", 0);
    static final TopicPartition P1 = new TopicPartition("chat.stream", 1);
    static final TopicPartition P2 = new TopicPartition("chat.stream", 2);

    final CatchUpProgress progress = new CatchUpProgress();

    @Test
    void countsTheRecordsBetweenTheSeekAndTheEndOfEachPartition() {
        long records = progress.begin(Map.of(P0, 10L, P1, 5L, P2, 7L), Map.of(P0, 13L, P1, 5L, P2, 7L));

        assertThat(records).isEqualTo(3);
        assertThat(progress.remaining()).isEqualTo(3);
        assertThat(progress.caughtUp()).isFalse();
    }

    @Test
    void isCaughtUpWhenTheLastPartitionBehindReachesItsEnd() {
        progress.begin(Map.of(P0, 10L, P1, 0L), Map.of(P0, 12L, P1, 2L));

        assertThat(progress.read(P0, 10)).isFalse();
        assertThat(progress.remaining()).isEqualTo(3);
        assertThat(progress.read(P0, 11)).isFalse();
        assertThat(progress.read(P1, 0)).isFalse();
        assertThat(progress.read(P1, 1)).isTrue();
        assertThat(progress.remaining()).isZero();
        assertThat(progress.caughtUp()).isTrue();
        // live records afterwards change nothing
        assertThat(progress.read(P1, 2)).isFalse();
    }

    @Test
    void recordPastTheEndCompletesAPartitionWhoseLastRecordWasSkipped() {
        progress.begin(Map.of(P0, 0L), Map.of(P0, 3L));

        progress.read(P0, 0);
        // offset 1 failed to deserialize and was skipped by the error handler

        assertThat(progress.read(P0, 3)).isTrue();
    }

    @Test
    void nothingToReadIsCaughtUpAtOnce() {
        assertThat(progress.begin(Map.of(P0, 4L), Map.of(P0, 4L))).isZero();

        assertThat(progress.caughtUp()).isTrue();
        assertThat(progress.read(P0, 4)).isFalse();
    }

    @Test
    void revokedPartitionsNoLongerCount() {
        progress.begin(Map.of(P0, 0L, P1, 0L), Map.of(P0, 5L, P1, 5L));

        progress.forget(List.of(P1));

        assertThat(progress.remaining()).isEqualTo(5);
        assertThat(progress.read(P0, 4)).isTrue();
    }
}
