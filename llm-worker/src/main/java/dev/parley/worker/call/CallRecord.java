package dev.parley.worker.call;

import dev.parley.worker.provider.ProviderResult;

/** One call made for a request (or refused before it went out), and how it ended. */
public record CallRecord(Route route, ProviderResult result) {

    /** The provider started answering or reported usage: the call may cost tokens and is billed on its own. */
    public boolean consumedTokens() {
        return result.streamOpened() || result.usage() != null;
    }
}
