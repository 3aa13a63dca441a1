package dev.parley.worker.provider;

import dev.parley.worker.config.ProviderKind;
import dev.parley.worker.config.ProviderProperties;

/** Builds the providers of one {@link ProviderKind}. */
public interface ProviderFactory {

    ProviderKind kind();

    /** A provider of the operator's configuration: trusted, its calls go wherever it was configured to call. */
    ChatProvider create(String name, ProviderProperties properties);

    /**
     * A provider whose base URL came with a request (one an admin added to the catalog): every HTTP call passes
     * the outbound-address guard, after DNS, so that the worker never calls an internal address it was not
     * allowed to.
     */
    ChatProvider createGuarded(String name, ProviderProperties properties);
}
