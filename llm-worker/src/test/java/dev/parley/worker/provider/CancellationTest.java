package dev.parley.worker.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void runsCallbacksOnceOnCancelAndAtOnceWhenAlreadyCancelled() {
        var cancellation = new Cancellation();
        var calls = new AtomicInteger();
        cancellation.onCancel(calls::incrementAndGet);

        cancellation.cancel();
        cancellation.cancel();
        cancellation.onCancel(calls::incrementAndGet);

        assertThat(calls).hasValue(2);
        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void awaitReturnsAtOnceWhenCancelledFromAnotherThread() {
        var cancellation = new Cancellation();
        long started = System.nanoTime();
        Thread.ofVirtual().start(cancellation::cancel);

        assertThat(cancellation.await(Duration.ofSeconds(10))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void awaitTimesOutWithoutACancel() {
        assertThat(new Cancellation().await(Duration.ofMillis(10))).isFalse();
    }
}
