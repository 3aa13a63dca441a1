package dev.parley.worker.catalog;

import dev.parley.events.ProviderKind;

/**
 * Where to call a provider an admin added to api-ingress's catalog at runtime, as {@code ChatRequested.endpoint}
 * carries it: the worker has no configuration for such a provider.
 *
 * @param kind read with {@code ProviderKinds.of} (the enum, else the string of older records); UNKNOWN is refused
 * @param baseUrl API root; null for {@code mock}, and for {@code openai} and {@code anthropic} to use their own
 */
public record Endpoint(ProviderKind kind, String baseUrl) {
}
