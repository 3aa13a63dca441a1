package dev.parley.worker.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import dev.parley.platform.outbound.OutboundProperties;
import dev.parley.worker.config.ProviderProperties;

/** application.yml: the catalog defaults, and the networks catalog providers may reach. */
class CatalogSettingsTest {

    @Test
    void catalogProvidersGetTheDocumentedDefaults() throws IOException {
        CatalogDefaults defaults = binder(Map.of()).bind("parley.worker.catalog-defaults", CatalogDefaults.class).get();

        assertThat(defaults.timeouts()).isEqualTo(ProviderProperties.Timeouts.DEFAULT);
        assertThat(defaults.retry()).isEqualTo(ProviderProperties.Retry.DEFAULT);
        assertThat(defaults.limits()).isEqualTo(ProviderProperties.Limits.UNLIMITED);
        assertThat(defaults.defaultMaxTokens()).isEqualTo(4096);
        assertThat(defaults.maxCompletionTokensModels()).containsExactly("o1", "o3", "o4", "gpt-5");
        assertThat(defaults.maxCachedProviders()).isEqualTo(256);
        assertThat(defaults.limits().maxQueueWait()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void noInternalNetworkIsAllowedUnlessTheVariableSaysSo() throws IOException {
        OutboundProperties strict = binder(Map.of()).bind("parley.outbound", OutboundProperties.class)
                .orElse(new OutboundProperties(List.of()));
        OutboundProperties local = binder(Map.of("PARLEY_OUTBOUND_ALLOWED_NETWORKS", "127.0.0.0/8,10.1.0.0/16"))
                .bind("parley.outbound", OutboundProperties.class).get();

        assertThat(strict.allowedNetworks()).isEmpty();
        assertThat(local.allowedNetworks()).containsExactly("127.0.0.0/8", "10.1.0.0/16");
    }

    private static Binder binder(Map<String, Object> variables) throws IOException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment);
    }
}
