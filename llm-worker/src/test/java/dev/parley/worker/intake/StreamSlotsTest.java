package dev.parley.worker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StreamSlotsTest {

    final StreamSlots<String> slots = new StreamSlots<>(2);

    @Test
    void startsJobsUpToCapacityAndQueuesTheRest() {
        assertThat(slots.admit("a")).isTrue();
        assertThat(slots.isFull()).isFalse();
        assertThat(slots.admit("b")).isTrue();
        assertThat(slots.isFull()).isTrue();
        assertThat(slots.admit("c")).isFalse();

        assertThat(slots.running()).isEqualTo(2);
        assertThat(slots.waiting()).isEqualTo(1);
    }

    @Test
    void handsAFreedSlotToTheNextWaitingJob() {
        slots.admit("a");
        slots.admit("b");
        slots.admit("c");

        assertThat(slots.release()).contains("c");
        assertThat(slots.running()).isEqualTo(2);
        assertThat(slots.isFull()).isTrue();

        assertThat(slots.release()).isEmpty();
        assertThat(slots.running()).isEqualTo(1);
        assertThat(slots.isFull()).isFalse();
    }

    @Test
    void reportsIdleOnceAllJobsEnded() throws InterruptedException {
        slots.admit("a");
        assertThat(slots.awaitIdle(Duration.ofMillis(20))).isFalse();

        slots.release();
        assertThat(slots.awaitIdle(Duration.ofMillis(20))).isTrue();
    }
}
