package dev.parley.contracts.accounting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The starting balance of a registration; an account that exists already keeps its balance. */
public record OpenAccountRequest(@NotNull @PositiveOrZero Long startingBalance) {
}
