package dev.parley.worker.cancel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.worker.config.WorkerProperties;
import dev.parley.worker.provider.Cancellation;

class CancelRegistryTest {

    final CancelRegistry registry = new CancelRegistry(new WorkerProperties(64, Duration.ofSeconds(1),
            new WorkerProperties.Stream(Duration.ofMillis(50), 128, Duration.ofMillis(50), 0),
            new WorkerProperties.Cancel(Duration.ofMinutes(1), 100),
            Map.of(), Map.of(), null, Duration.ofMinutes(11)));

    @Test
    void stopsARunningStreamOfItsOwner() {
        var cancellation = new Cancellation();
        registry.register("r-1", "alice", cancellation);

        registry.cancel("r-1", "alice");

        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void ignoresACancelByAnotherUser() {
        var cancellation = new Cancellation();
        registry.register("r-1", "alice", cancellation);

        registry.cancel("r-1", "mallory");

        assertThat(cancellation.isCancelled()).isFalse();
    }

    @Test
    void appliesACancelThatArrivedBeforeItsRequest() {
        registry.cancel("r-2", "alice");
        var cancellation = new Cancellation();

        registry.register("r-2", "alice", cancellation);

        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void anEarlyCancelByAnotherUserNeitherStopsNorDisplacesTheOwners() {
        registry.cancel("r-3", "alice");
        registry.cancel("r-3", "mallory");
        var cancellation = new Cancellation();

        registry.register("r-3", "alice", cancellation);

        assertThat(cancellation.isCancelled()).isTrue();

        var other = new Cancellation();
        registry.register("r-4", "alice", other);
        registry.cancel("r-4", "mallory");
        assertThat(other.isCancelled()).isFalse();
    }

    @Test
    void anEarlyCancelIsUsedOnce() {
        registry.cancel("r-5", "alice");
        var first = new Cancellation();
        registry.register("r-5", "alice", first);
        registry.unregister("r-5");

        var redone = new Cancellation();
        registry.register("r-5", "alice", redone);

        assertThat(first.isCancelled()).isTrue();
        assertThat(redone.isCancelled()).isFalse();
    }

    @Test
    void forgetsEarlyCancelsAfterTheConfiguredTime() {
        var shortMemory = new CancelRegistry(new WorkerProperties(64, Duration.ofSeconds(1),
                new WorkerProperties.Stream(Duration.ofMillis(50), 128, Duration.ofMillis(50), 0),
                new WorkerProperties.Cancel(Duration.ofNanos(1), 100), Map.of(), Map.of(), null, Duration.ofMinutes(11)));
        shortMemory.cancel("r-6", "alice");
        var cancellation = new Cancellation();

        shortMemory.register("r-6", "alice", cancellation);

        assertThat(cancellation.isCancelled()).isFalse();
    }
}
