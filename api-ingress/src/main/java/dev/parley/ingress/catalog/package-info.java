/**
 * The provider and model catalog at run time: the provider documents ({@code providers}) and their store, the
 * in-memory snapshot every request reads ({@code ModelCatalog}), its refresh across instances, sealing and opening of
 * server keys ({@code CatalogKeySealer}), the route of a request to an admin's provider ({@code ProviderRoutes}),
 * publishing the prices on {@code catalog.prices}, the one channel to usage-accounting ({@code PricePublisher}), and
 * {@code GET /api/models}. It runs the {@code CatalogSeed}s before its first load
 * without importing the admin side ({@code catalogadmin}), which changes the documents.
 */
package dev.parley.ingress.catalog;
