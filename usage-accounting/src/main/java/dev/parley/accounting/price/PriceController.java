package dev.parley.accounting.price;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.contracts.accounting.Price;
import dev.parley.contracts.accounting.PriceTable;

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
        return new PriceTable(toPrices(prices.prices()), prices.defaultPrice().map(ModelPrice::toPrice).orElse(null),
                prices.loaded());
    }

    private static Map<String, Price> toPrices(Map<String, ModelPrice> prices) {
        Map<String, Price> table = new LinkedHashMap<>();
        prices.forEach((model, price) -> table.put(model, price.toPrice()));
        return table;
    }
}
