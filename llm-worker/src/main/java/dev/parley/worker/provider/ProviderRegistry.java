package dev.parley.worker.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.config.WorkerProperties;

/** The providers of {@code parley.worker.providers}, by the name a {@code ChatRequested} uses. */
@Component
public class ProviderRegistry {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, ConfiguredProvider> providers = new LinkedHashMap<>();

    public ProviderRegistry(WorkerProperties properties, List<ProviderFactory> factories) {
        properties.providers().forEach((name, config) ->
                providers.put(name, new ConfiguredProvider(name, create(name, config, factories), config)));
        log.info("Providers: {}", providers.keySet());
    }

    public Optional<ConfiguredProvider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    private static ChatProvider create(String name, ProviderProperties config, List<ProviderFactory> factories) {
        if (!config.usable()) {
            String reason = disabledReason(config);
            log.info("Provider '{}' is off ({}): requests for it will fail with {}", name, reason,
                    ErrorCodes.PROVIDER_NOT_CONFIGURED);
            return new DisabledProvider(name, reason);
        }
        return factories.stream()
                .filter(factory -> factory.kind() == config.kind())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No provider implementation of kind " + config.kind()))
                .create(name, config);
    }

    private static String disabledReason(ProviderProperties config) {
        if (Boolean.FALSE.equals(config.enabled())) {
            return "disabled";
        }
        return config.hasBaseUrl() ? "no API key" : "no base URL";
    }
}
