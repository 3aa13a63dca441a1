package dev.parley.worker.provider;

/**
 * One LLM provider. Implementations block the calling (virtual) thread until the answer ended, hand
 * every piece of text to the sink as soon as it arrives, and stop promptly when cancelled.
 */
public interface ChatProvider {

    /** Never throws for provider trouble: every ending, including failures, is a {@link ProviderResult}. */
    ProviderResult stream(ProviderRequest request, DeltaSink sink, Cancellation cancellation);
}
