package dev.parley.worker.provider;

import dev.parley.worker.config.ProviderProperties;

/** A provider by the name requests use, with the settings that govern its calls (timeouts, retries, limits). */
public record ConfiguredProvider(String name, ChatProvider client, ProviderProperties properties) {
}
