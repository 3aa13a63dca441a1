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
    void saysSoWhenTheListenerHasNoConsumerThread() {
        assertThat(ConsumerStacks.of("no-such-listener")).contains("no consumer thread");
    }
}
