package dev.parley.ingress.catalog;

/** A model a request may use, and the provider the worker calls for it. */
public record CatalogModel(String id, String provider, boolean isDefault) {
}
