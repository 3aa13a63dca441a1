package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.ApiClient.SseEvent;
import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;

/**
 * Fault matrix: one stream longer than {@code max.poll.interval.ms}. The e2e workers poll at least every 20 s
 * ({@link RunningSystem#WORKER_OPTIONS}); {@code slow-1} answers at 3 tokens/s, so its answer of some 80 tokens takes
 * about 27 s.
 * It runs on its own thread while the consumer keeps polling: the worker stays in its group, the answer runs once (no
 * {@code reset}: no second attempt), quicker answers meanwhile are not held up, and everything is billed once.
 */
class LongStreamIT {

    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
    }

    @Test
    void anAnswerLongerThanThePollIntervalRunsOnceAndHoldsUpNothing() {
        User user = Traffic.signUp(system.api(), "long-stream");
        Instant started = Instant.now();
        Posted slow = Traffic.post(user, Map.of("content", Faults.TOPICS, "model", "slow-1", "maxTokens", 150));
        Posted quick = Traffic.post(user, Map.of("content", "Quick one?", "maxTokens", 20));
        List<SseEvent> quickEvents = user.api().stream(quick.streamUrl(), null, ChatWalkthroughIT::terminal);
        assertThat(quickEvents.getLast().name()).isEqualTo("done");

        List<SseEvent> events = user.api().stream(slow.streamUrl(), null, ChatWalkthroughIT::terminal);
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(Duration.between(started, Instant.now())).as("longer than the poll interval")
                .isGreaterThan(Duration.ofSeconds(20));
        assertThat(events).as("one attempt: never taken over").noneMatch(event -> event.name().equals("reset"));

        Books.assertExact(system, List.of(slow, quick), Faults.SETTLE);
    }
}
