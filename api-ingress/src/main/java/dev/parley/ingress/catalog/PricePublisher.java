package dev.parley.ingress.catalog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.parley.events.ModelPriced;
import dev.parley.events.Topics;

/**
 * Publishes the catalog's prices on the compacted topic {@code catalog.prices}, the one channel by which prices reach
 * usage-accounting: a {@link ModelPriced} for every model whose price is new or changed since this instance last
 * published it, a tombstone for every model that left the catalog, and the default price under
 * {@link Topics#DEFAULT_PRICE_KEY}. Everything once after startup (the seeded prices too: republishing the same price
 * changes nothing), then after each of this instance's catalog writes and each reload, so that a change made on
 * another instance, or one whose publishing failed, is published within the refresh interval. Records are sent one
 * by one and each awaited: an admin's price change is on the topic before the write is answered, and a model's price
 * is published moments after the snapshot that offers it, long before usage of it can be recorded. A failure is
 * logged and retried at the next reload.
 */
@Component
public class PricePublisher {

    private static final Logger log = LoggerFactory.getLogger(PricePublisher.class);

    private final ModelCatalog catalog;
    private final KafkaTemplate<Object, Object> kafka;
    private final PriceTopicProperties properties;
    private final Map<String, ModelPriced> published = new HashMap<>();

    PricePublisher(ModelCatalog catalog, KafkaTemplate<Object, Object> kafka, PriceTopicProperties properties) {
        this.catalog = catalog;
        this.kafka = kafka;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        publishChanges();
    }

    /** Publishes what changed since the last successful publish; never throws. */
    public synchronized void publishChanges() {
        Map<String, ModelPriced> wanted = wanted();
        int sent = 0;
        try {
            for (var price : wanted.entrySet()) {
                if (!samePrice(published.get(price.getKey()), price.getValue())) {
                    send(price.getKey(), price.getValue());
                    sent++;
                }
            }
            for (String gone : published.keySet().stream().filter(model -> !wanted.containsKey(model)).toList()) {
                send(gone, null);
                sent++;
            }
        } catch (RuntimeException e) {
            log.warn("Catalog: could not publish prices on {}, retrying at the next reload: {}", Topics.CATALOG_PRICES,
                    e.toString());
        }
        if (sent > 0) {
            log.info("Catalog: published {} price changes on {}", sent, Topics.CATALOG_PRICES);
        }
    }

    private Map<String, ModelPriced> wanted() {
        long now = System.currentTimeMillis();
        Map<String, ModelPriced> wanted = new LinkedHashMap<>();
        ModelPrices fallback = properties.defaultPrice();
        wanted.put(Topics.DEFAULT_PRICE_KEY, record(Topics.DEFAULT_PRICE_KEY, null, fallback, now));
        catalog.pricedModels().forEach((model, priced) -> wanted.put(model,
                record(model, priced.provider(), priced.prices(), now)));
        return wanted;
    }

    private void send(String key, ModelPriced value) {
        try {
            kafka.send(Topics.CATALOG_PRICES, key, value).get(properties.publishTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the price of " + key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the price of " + key + " was not acknowledged", e);
        }
        if (value == null) {
            published.remove(key);
        } else {
            published.put(key, value);
        }
    }

    private static ModelPriced record(String model, String provider, ModelPrices prices, long now) {
        return ModelPriced.newBuilder().setModel(model).setProvider(provider).setInput(prices.input())
                .setOutput(prices.output()).setCachedInput(prices.cachedInput())
                .setPricedAt(java.time.Instant.ofEpochMilli(now)).build();
    }

    /** The same price of the same provider; when it was published does not count. */
    private static boolean samePrice(ModelPriced before, ModelPriced now) {
        return before != null && before.getInput() == now.getInput() && before.getOutput() == now.getOutput()
                && before.getCachedInput() == now.getCachedInput()
                && Objects.equals(before.getProvider(), now.getProvider());
    }
}
