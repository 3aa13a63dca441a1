package dev.parley.worker.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the worker ({@code parley.worker.*}).
 *
 * @param maxConcurrentStreams provider calls running at once; beyond it the request listener pauses
 * @param shutdownGrace how long a stopping worker lets running streams finish before it leaves them to another
 *        worker
 * @param stream how token deltas are coalesced into stream events
 * @param cancel how long a cancel that arrived before its request is remembered
 * @param providers configured providers by name (the {@code provider} of a {@code ChatRequested})
 * @param models settings per model name (the {@code model} of a {@code ChatRequested})
 * @param instanceId names this worker instance in the events it streams; random when unset
 * @param longestRun the longest a request may run (its calls' total time limits, retries before the first text
 *        included): a request picked up when its reservation expires sooner than this is refused, uncharged, so that
 *        a backlog can never spend credits whose reservation lapsed
 */
@Validated
@ConfigurationProperties("parley.worker")
public record WorkerProperties(
        @DefaultValue("4096") @Min(1) int maxConcurrentStreams,
        @DefaultValue("20s") @NotNull Duration shutdownGrace,
        @DefaultValue @Valid @NotNull Stream stream,
        @DefaultValue @Valid @NotNull Cancel cancel,
        Map<String, @Valid ProviderProperties> providers,
        Map<String, @Valid Model> models,
        String instanceId,
        @DefaultValue("11m") @NotNull Duration longestRun) {

    public WorkerProperties {
        instanceId = instanceId == null || instanceId.isBlank() ? UUID.randomUUID().toString() : instanceId;
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        models = models == null ? Map.of() : Map.copyOf(models);
    }

    /**
     * @param fallbacks {@code provider:model} entries tried in order when a call fails before its first delta
     */
    public record Model(List<String> fallbacks) {

        public Model {
            fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
        }
    }

    /**
     * @param flushInterval longest time a delta waits for more text before it is sent, while the worker is not busy
     * @param flushChars buffered characters that are sent at once, without waiting
     * @param maxFlushInterval the longest the wait grows to when many answers stream at once
     * @param deltaEventsPerSecond delta events per second this worker aims at when many answers stream at once: each
     *        stream's wait becomes open streams / this rate, between the two intervals; 0: never longer than
     *        flushInterval
     */
    public record Stream(
            @DefaultValue("50ms") @NotNull Duration flushInterval,
            @DefaultValue("128") @Min(1) int flushChars,
            @DefaultValue("200ms") @NotNull Duration maxFlushInterval,
            @DefaultValue("5000") @Min(0) int deltaEventsPerSecond) {

        @AssertTrue(message = "max-flush-interval must not be shorter than flush-interval")
        boolean isMaxFlushIntervalAtLeastFlushInterval() {
            return flushInterval == null || maxFlushInterval == null || maxFlushInterval.compareTo(flushInterval) >= 0;
        }
    }

    /**
     * @param rememberFor how long an early cancel waits for its request
     * @param rememberAtMost early cancels kept at once (oldest dropped first)
     */
    public record Cancel(
            @DefaultValue("10m") @NotNull Duration rememberFor,
            @DefaultValue("10000") @Min(1) long rememberAtMost) {
    }
}
