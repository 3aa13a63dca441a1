package dev.parley.accounting.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;

import dev.parley.contracts.accounting.RefillRequest;

/**
 * @param balance the balance to set, in credits
 * @param refill automatic refill to set; left unchanged when absent
 */
record QuotaRequest(@PositiveOrZero long balance, @Valid RefillRequest refill) {
}
