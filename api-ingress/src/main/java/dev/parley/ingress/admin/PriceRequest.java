package dev.parley.ingress.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A catalog model's new price in credits per 1,000,000 tokens. */
record PriceRequest(
        @NotBlank @Size(max = 256) String model,
        @NotNull @PositiveOrZero Long input,
        @NotNull @PositiveOrZero Long output,
        @NotNull @PositiveOrZero Long cachedInput) {
}
