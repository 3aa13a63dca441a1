/**
 * Per-model prices: the table read from the catalog's compacted topic {@code catalog.prices}
 * ({@link dev.parley.accounting.price.CatalogPriceFeed} into {@link dev.parley.accounting.price.PriceBook}), and the
 * cost arithmetic of a usage record ({@link dev.parley.accounting.price.Costs}).
 */
package dev.parley.accounting.price;
