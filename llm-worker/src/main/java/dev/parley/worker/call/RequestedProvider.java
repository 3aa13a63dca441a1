package dev.parley.worker.call;

import dev.parley.worker.catalog.Endpoint;

/**
 * The provider a request asked for.
 *
 * @param name the provider's name in the catalog and in the usage records
 * @param endpoint where to call it when an admin added it to the catalog at runtime; null for a provider of this
 *        worker's configuration
 * @param ownKey the request runs on the user's own key, which may not be used for, nor replaced by, another
 *        provider: no fallback to one
 */
public record RequestedProvider(String name, Endpoint endpoint, boolean ownKey) {

    /** Whether a route goes to this provider (and so to its endpoint, with the request's key). */
    boolean is(Route route) {
        return name.equals(route.provider());
    }
}
