package dev.parley.bench.report;

/** p50/p99 of a latency in ms from a histogram or probe, with how it was measured. */
public record LatencyDigest(String method, long samples, double p50, double p99) {
}
