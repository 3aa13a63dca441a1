package dev.parley.worker.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * Why an answer could not be produced.
 *
 * @param code stable machine-readable code, one of {@link ErrorCodes}
 * @param message human-readable; never contains a secret
 * @param retryable the provider may well succeed if asked again (rate limited, overloaded, unreachable)
 * @param retryAfter how long the provider asked to wait before asking again; null when it did not say
 */
public record ProviderError(String code, String message, boolean retryable, Duration retryAfter) {

    public ProviderError(String code, String message) {
        this(code, message, false, null);
    }

    /** No other call may follow: not a retry, not a fallback (the request pointed at an address it may not reach). */
    public boolean endsTheRequest() {
        return ErrorCodes.PROVIDER_ADDRESS_REFUSED.equals(code);
    }

    public Optional<Duration> requestedWait() {
        return Optional.ofNullable(retryAfter);
    }
}
