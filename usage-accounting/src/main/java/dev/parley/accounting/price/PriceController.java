package dev.parley.accounting.price;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin: the prices accounting debits with, as read from the catalog's {@code catalog.prices} (credits per 1,000,000
 * tokens). Prices are changed in the catalog (api-ingress), not here.
 */
@RestController
@RequestMapping("/internal/admin/prices")
class PriceController {

    private final PriceBook prices;

    PriceController(PriceBook prices) {
        this.prices = prices;
    }

    @GetMapping
    PriceTable table() {
        return new PriceTable(prices.prices(), prices.defaultPrice().orElse(null), prices.loaded());
    }

    /**
     * @param defaultPrice the catalog's price of a model it has no price for; null until it published one
     * @param loaded whether the topic has been read to its end since startup
     */
    record PriceTable(Map<String, ModelPrice> prices, ModelPrice defaultPrice, boolean loaded) {
    }
}
