package dev.parley.ingress.catalog;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.parley.ingress.keyring.KeyRings;

/**
 * Seeds the built-in providers and loads the catalog; startup fails when the default model is not usable. The
 * catalog is reloaded on a schedule ({@link CatalogRefresher}).
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties({CatalogProperties.class, PriceTopicProperties.class})
class CatalogConfig {

    @Bean
    ModelCatalog modelCatalog(CatalogProperties properties, ProviderStore store, List<CatalogSeed> seeds) {
        seeds.forEach(CatalogSeed::seed);
        var catalog = new ModelCatalog(store, properties.enabledFlags(), properties.defaultModel());
        catalog.refresh();
        catalog.requireDefault();
        return catalog;
    }

    @Bean
    CatalogKeySealer catalogKeySealer(KeyRings rings) {
        return new CatalogKeySealer(rings);
    }
}
