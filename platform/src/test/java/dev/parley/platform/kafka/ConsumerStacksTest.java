package dev.parley.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class ConsumerStacksTest {

    @Test
    void showsWhereEachConsumerThreadOfTheListenerWaits() throws Exception {
        var release = new CountDownLatch(1);
        Thread stuck = Thread.ofPlatform().name("chat-requests-0-C-1").start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread other = Thread.ofPlatform().name("chat-control-0-C-1").start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            while (stuck.getState() != Thread.State.WAITING || other.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }

            String stacks = ConsumerStacks.of("chat-requests");

            assertThat(stacks).contains("thread chat-requests-0-C-1 (WAITING)", "CountDownLatch.await")
                    .doesNotContain("chat-control");
        } finally {
            release.countDown();
            stuck.join();
            other.join();
        }
    }

    @Test
    void namesTheOwnerOfTheLockABlockedConsumerWaitsForAndShowsItsStack() throws Exception {
        Object jarLock = new Object();
        var ownerHolds = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Thread owner = Thread.ofPlatform().name("class-loading-owner").start(() -> {
            synchronized (jarLock) {
                ownerHolds.countDown();
                awaitQuietly(release);
            }
        });
        ownerHolds.await();
        Thread consumer = Thread.ofPlatform().name("chat-requests-0-C-1").start(() -> {
            synchronized (jarLock) {
                Thread.onSpinWait();
            }
        });
        try {
            while (consumer.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }

            String stacks = ConsumerStacks.of("chat-requests");

            assertThat(stacks).contains("thread chat-requests-0-C-1 (BLOCKED)",
                    "waiting for java.lang.Object@", "held by class-loading-owner (WAITING)", "CountDownLatch.await");
        } finally {
            release.countDown();
            owner.join();
            consumer.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void saysSoWhenTheListenerHasNoConsumerThread() {
        assertThat(ConsumerStacks.of("no-such-listener")).contains("no consumer thread");
    }
}
