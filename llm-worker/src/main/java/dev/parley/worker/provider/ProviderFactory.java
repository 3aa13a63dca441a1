package dev.parley.worker.provider;

import java.util.List;

import dev.parley.events.ProviderKind;
import dev.parley.worker.config.ProviderProperties;

/** Builds the providers of one {@link ProviderKind}. */
public interface ProviderFactory {

    /** The API its providers speak; {@link #of} serves OpenAI's own API with the OpenAI-compatible client. */
    ProviderKind kind();

    /** The factory that serves a kind. */
    static ProviderFactory of(ProviderKind kind, List<ProviderFactory> factories) {
        ProviderKind speaks = kind == ProviderKind.OPENAI ? ProviderKind.OPENAI_COMPATIBLE : kind;
        return factories.stream().filter(factory -> factory.kind() == speaks).findFirst()
                .orElseThrow(() -> new IllegalStateException("No provider implementation of kind " + kind));
    }

    /** A provider of the operator's configuration: trusted, its calls go wherever it was configured to call. */
    ChatProvider create(String name, ProviderProperties properties);

    /**
     * A provider whose base URL came with a request (one an admin added to the catalog): every HTTP call passes
     * the outbound-address guard, after DNS, so that the worker never calls an internal address it was not
     * allowed to.
     */
    ChatProvider createGuarded(String name, ProviderProperties properties);
}
