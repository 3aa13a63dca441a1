package dev.parley.ingress.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reloads the catalog every {@code parley.catalog.refresh-interval}, so that other instances' writes arrive, and
 * publishes the prices that changed since this instance last published them.
 */
@Component
class CatalogRefresher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CatalogRefresher.class);

    private final ModelCatalog catalog;
    private final PricePublisher prices;
    private final CatalogProperties properties;

    CatalogRefresher(ModelCatalog catalog, PricePublisher prices, CatalogProperties properties) {
        this.catalog = catalog;
        this.prices = prices;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, properties.refreshInterval(),
                properties.refreshInterval()));
    }

    private void refresh() {
        try {
            catalog.refresh();
        } catch (RuntimeException e) {
            // MongoDB away for a moment: keep serving the last snapshot, the next round tries again
            log.warn("Catalog: could not reload the providers, keeping the last snapshot: {}", e.toString());
        }
        // another instance's price change, or what a failed publish left out
        prices.publishChanges();
    }
}
