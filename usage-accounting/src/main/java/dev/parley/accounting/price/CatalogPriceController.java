package dev.parley.accounting.price;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * api-ingress's catalog pushes its per-model prices here. Models it does not name keep their stored price: a model
 * deleted from the catalog may still have usage in flight.
 */
@RestController
@RequestMapping("/internal/catalog/prices")
class CatalogPriceController {

    static final int MAX_MODELS = 10_000;

    private final PriceBook prices;

    CatalogPriceController(PriceBook prices) {
        this.prices = prices;
    }

    @PutMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void store(@Valid @RequestBody CatalogPricesRequest request) {
        prices.storeCatalogPrices(request.prices().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, price -> price.getValue().toModelPrice())));
    }

    /** @param prices by model id (ids may contain {@code /} and {@code .}) */
    record CatalogPricesRequest(
            @NotNull @Size(max = MAX_MODELS) Map<@NotBlank @Size(max = 256) String, @NotNull @Valid CatalogPrice> prices) {
    }
}
