package dev.parley.ingress.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.platform.retry.Backoff;

/**
 * Pushes every catalog price to usage-accounting ({@code PUT /internal/catalog/prices}), the catalog being the one
 * source of prices: once at startup and after each catalog write, in the background, retried with backoff until
 * it succeeds. Nothing waits for it. A newer push supersedes an older one that is still retrying, since it
 * carries the newer prices.
 */
@Component
public class PriceSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PriceSync.class);

    private final ModelCatalog catalog;
    private final AccountingApi accounting;
    private final Backoff backoff;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("catalog-price-sync").daemon().factory());
    private final AtomicLong generation = new AtomicLong();

    PriceSync(ModelCatalog catalog, AccountingApi accounting) {
        this.catalog = catalog;
        this.accounting = accounting;
        this.backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        pushSoon();
    }

    /** Schedules a push of the current catalog's prices. */
    public void pushSoon() {
        long mine = generation.incrementAndGet();
        try {
            executor.execute(() -> attempt(mine, 0));
        } catch (RejectedExecutionException e) {
            log.warn("Catalog: shutting down, the prices are sent at the next start");
        }
    }

    private void attempt(long mine, int failures) {
        if (generation.get() != mine) {
            return;
        }
        Map<String, ModelPrices> prices = catalog.prices();
        try {
            accounting.put(new CatalogPrices(prices), uri -> uri.path("/internal/catalog/prices").build());
            log.info("Catalog: sent the prices of {} models to usage-accounting", prices.size());
        } catch (RuntimeException e) {
            Duration delay = backoff.delay(failures + 1);
            // the message is the client's description of the failure, never the service token
            log.warn("Catalog: could not send prices to usage-accounting, retrying in {}: {}", delay, e.getMessage());
            executor.schedule(() -> attempt(mine, failures + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** The body of {@code PUT /internal/catalog/prices}: model id to its price. */
    record CatalogPrices(Map<String, ModelPrices> prices) {
    }
}
