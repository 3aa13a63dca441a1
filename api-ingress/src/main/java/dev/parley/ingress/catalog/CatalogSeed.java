package dev.parley.ingress.catalog;

/**
 * Stores what must be in the catalog before it first loads: the built-in providers of the configuration, which the
 * admin side of the catalog seeds ({@code catalogadmin}). The catalog runs every seed once, at startup, before its
 * first load; it does not import the admin side.
 */
public interface CatalogSeed {

    void seed();
}
