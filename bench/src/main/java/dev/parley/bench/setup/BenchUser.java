package dev.parley.bench.setup;

/** A user the load runs as, with the personal API key it sends. */
public record BenchUser(String id, String email, String apiKey) {
}
