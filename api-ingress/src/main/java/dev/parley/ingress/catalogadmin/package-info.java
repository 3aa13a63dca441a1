/**
 * Administering the catalog: the admins' CRUD under {@code /api/providers} (checks, read-only built-ins, versions,
 * the whole catalog's invariants), price changes wherever a model is, and seeding the built-in providers from
 * configuration ({@code CatalogSeeder}, a {@code catalog.CatalogSeed}). Writes go through the catalog's store and
 * reload this instance's catalog.
 */
package dev.parley.ingress.catalogadmin;
