package dev.parley.worker.catalog;

/**
 * Where to call a provider an admin added to api-ingress's catalog at runtime, as {@code ChatRequested.endpoint}
 * carries it: the worker has no configuration for such a provider.
 *
 * @param kind {@code openai}, {@code openai-compatible}, {@code anthropic} or {@code mock}
 * @param baseUrl API root; null for {@code mock}, and for {@code openai} and {@code anthropic} to use their own
 */
public record Endpoint(String kind, String baseUrl) {
}
