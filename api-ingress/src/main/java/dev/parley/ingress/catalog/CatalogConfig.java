package dev.parley.ingress.catalog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfig {

    @Bean
    ModelCatalog modelCatalog(CatalogProperties properties) {
        return new ModelCatalog(properties.defaultModel(), properties.providers());
    }
}
