package dev.parley.accounting.price;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: the price table in effect, and per-model overrides (credits per 1,000,000 tokens). */
@RestController
@RequestMapping("/internal/admin/prices")
class PriceController {

    private final PriceBook prices;
    private final PriceProperties properties;

    PriceController(PriceBook prices, PriceProperties properties) {
        this.prices = prices;
        this.properties = properties;
    }

    @GetMapping
    PriceTable table() {
        return new PriceTable(properties.prices(), prices.overrides(), properties.defaultPrice());
    }

    @PutMapping
    PriceOverrideRequest override(@Valid @RequestBody PriceOverrideRequest request) {
        prices.override(request.model(), new ModelPrice(request.input(), request.output(), request.cachedInput()));
        return request;
    }

    /** @param overrides admin-set prices, which win over {@code configured} */
    record PriceTable(Map<String, ModelPrice> configured, Map<String, ModelPrice> overrides,
            ModelPrice defaultPrice) {
    }

    record PriceOverrideRequest(@NotBlank @Size(max = 256) String model, @PositiveOrZero long input,
            @PositiveOrZero long output, @PositiveOrZero long cachedInput) {
    }
}
