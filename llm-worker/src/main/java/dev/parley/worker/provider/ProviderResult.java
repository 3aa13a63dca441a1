package dev.parley.worker.provider;

import java.util.Optional;

import dev.parley.events.FinishReason;

/**
 * How a provider call ended.
 *
 * @param outcome completed, cancelled or failed
 * @param finishReason why a completed answer stopped; {@code CANCELLED} for cancelled calls, null for failures
 * @param error why the call failed; null otherwise
 * @param usage the provider's own token report; null when it sent none
 * @param streamOpened whether the provider accepted the request and started answering; before that no tokens
 *        were consumed, so a call that never opened its stream costs nothing
 */
public record ProviderResult(Outcome outcome, FinishReason finishReason, ProviderError error, ProviderUsage usage,
        boolean streamOpened) {

    public enum Outcome {
        COMPLETED, CANCELLED, FAILED
    }

    public static ProviderResult completed(FinishReason finishReason, ProviderUsage usage) {
        return new ProviderResult(Outcome.COMPLETED, finishReason, null, usage, true);
    }

    public static ProviderResult cancelled(ProviderUsage usage, boolean streamOpened) {
        return new ProviderResult(Outcome.CANCELLED, FinishReason.CANCELLED, null, usage, streamOpened);
    }

    public static ProviderResult failed(ProviderError error, ProviderUsage usage, boolean streamOpened) {
        return new ProviderResult(Outcome.FAILED, null, error, usage, streamOpened);
    }

    /** A failure detected before anything was sent to a provider. */
    public static ProviderResult rejected(String code, String message) {
        return failed(new ProviderError(code, message), null, false);
    }

    public Optional<ProviderUsage> reportedUsage() {
        return Optional.ofNullable(usage);
    }
}
