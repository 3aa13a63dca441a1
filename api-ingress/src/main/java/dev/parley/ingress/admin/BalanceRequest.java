package dev.parley.ingress.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** @param balance the balance to set, in credits; the difference is written to the ledger as an adjustment */
record BalanceRequest(@NotNull @PositiveOrZero Long balance) {
}
