package dev.parley.worker.provider;

import dev.parley.worker.config.ProviderKind;
import dev.parley.worker.config.ProviderProperties;

/** Builds the providers of one {@link ProviderKind} from configuration. */
public interface ProviderFactory {

    ProviderKind kind();

    ChatProvider create(String name, ProviderProperties properties);
}
