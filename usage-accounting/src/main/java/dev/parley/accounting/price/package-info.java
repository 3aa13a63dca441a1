/**
 * Per-model prices: the {@code model_prices} collection the catalog pushes to, the configured table and default
 * ({@link dev.parley.accounting.price.PriceProperties}), and the cost arithmetic of a usage record.
 */
package dev.parley.accounting.price;
