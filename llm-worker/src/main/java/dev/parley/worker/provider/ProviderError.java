package dev.parley.worker.provider;

/**
 * Why an answer could not be produced.
 *
 * @param code stable machine-readable code, one of {@link ErrorCodes}
 * @param message human-readable; never contains a secret
 */
public record ProviderError(String code, String message) {
}
