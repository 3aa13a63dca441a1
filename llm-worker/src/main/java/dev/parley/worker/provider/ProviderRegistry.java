package dev.parley.worker.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.events.ProviderKind;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.config.WorkerProperties;

/** The providers of {@code parley.worker.providers}, by the name a {@code ChatRequested} uses. */
@Component
public class ProviderRegistry {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, ConfiguredProvider> providers = new LinkedHashMap<>();
    // remote providers that lack only the server's key: usable with a user's own key
    private final Map<String, ConfiguredProvider> ownKeyOnly = new LinkedHashMap<>();

    public ProviderRegistry(WorkerProperties properties, List<ProviderFactory> factories) {
        properties.providers().forEach((name, config) -> {
            providers.put(name, new ConfiguredProvider(name, create(name, config, factories), config));
            if (lacksOnlyAKey(config)) {
                ownKeyOnly.put(name, new ConfiguredProvider(name, implementation(config, factories).create(name,
                        config), config));
            }
        });
        log.info("Providers: {}", providers.keySet());
    }

    public Optional<ConfiguredProvider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    /** The provider for a call on a key the request brought ({@code withKey}, e.g. the user's own) or the server's. */
    public Optional<ConfiguredProvider> find(String name, boolean withKey) {
        return withKey && ownKeyOnly.containsKey(name) ? Optional.of(ownKeyOnly.get(name)) : find(name);
    }

    private static boolean lacksOnlyAKey(ProviderProperties config) {
        return config.kind() != ProviderKind.MOCK && config.requiresKey() && !config.hasApiKey()
                && config.hasBaseUrl() && !Boolean.FALSE.equals(config.enabled());
    }

    private static ChatProvider create(String name, ProviderProperties config, List<ProviderFactory> factories) {
        if (!config.usable()) {
            String reason = disabledReason(config);
            log.info("Provider '{}' is off ({}): requests for it will fail with {}", name, reason,
                    ErrorCodes.PROVIDER_NOT_CONFIGURED);
            return new DisabledProvider(name, reason);
        }
        return implementation(config, factories).create(name, config);
    }

    private static ProviderFactory implementation(ProviderProperties config, List<ProviderFactory> factories) {
        return ProviderFactory.of(config.kind(), factories);
    }

    private static String disabledReason(ProviderProperties config) {
        if (Boolean.FALSE.equals(config.enabled())) {
            return "disabled";
        }
        return config.hasBaseUrl() ? "no API key" : "no base URL";
    }
}
