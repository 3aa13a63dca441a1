package dev.parley.ingress.catalog;

import java.util.Set;

/**
 * Which providers a user stored their own key for. The catalog asks (a model is usable with the user's key even
 * where the server has none); the providerkey feature, which stores the keys and builds on the catalog, answers.
 */
public interface OwnKeys {

    Set<String> providers(String userId);
}
