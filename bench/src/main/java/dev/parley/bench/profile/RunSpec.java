package dev.parley.bench.profile;

import java.time.Duration;
import java.util.Set;

import dev.parley.bench.load.Api;
import dev.parley.bench.upstream.StreamShape;

/**
 * One measured run: a direct phase against the upstream, then the same load through Parley.
 *
 * @param name       unique within a bench invocation, e.g. {@code b} or {@code d-c64}
 * @param profile    the profile letter it belongs to
 * @param keys       how many users' API keys the clients spread over (1: everyone sends the same key)
 * @param apis       which Parley APIs the clients use; with both, half the clients use each
 * @param directDuration measured time of the direct phase (same clients, same think time, same shape)
 * @param preload    whether stored messages and ledger entries are preloaded before it
 * @param ingress    api-ingress instances the stack runs
 * @param workers    llm-worker instances the stack runs
 */
public record RunSpec(String name, String profile, String description, int concurrency, StreamShape shape,
        Duration jitter, int keys, Set<Api> apis, Duration warmup, Duration duration, long count,
        Duration directDuration, boolean preload, int ingress, int workers, int turns) {

    /** How long one request may take in all before it counts as a timeout. */
    public Duration callTimeout() {
        return Duration.ofSeconds(30).plusMillis(shape.firstTokenDelayMillis() + 2 * shape.streamMillis());
    }
}
