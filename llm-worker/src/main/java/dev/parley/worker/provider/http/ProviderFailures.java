package dev.parley.worker.provider.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.outbound.GuardedHttp.RefusedAddressException;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.SecretRedactor;

/**
 * Turns what went wrong with an HTTP provider call into a {@link ProviderError} safe to show a user, and says
 * whether asking again may help. OpenAI, Anthropic and the OpenAI-compatible family all put a JSON
 * {@code error} object (or string) in their error bodies and in-stream error events.
 */
public final class ProviderFailures {

    static final int MAX_MESSAGE_LENGTH = 500;
    private static final long MAX_ERROR_BODY = 16 * 1024;
    /** Error types of in-stream errors that are the provider's passing trouble, not the request's fault. */
    private static final Set<String> TRANSIENT_TYPES = Set.of("overloaded_error", "api_error", "server_error",
            "rate_limit_error", "rate_limit_exceeded", "service_unavailable", "timeout");

    private final String provider;
    private final String apiKey;
    private final JsonMapper json;

    public ProviderFailures(String provider, String apiKey, JsonMapper json) {
        this.provider = provider;
        this.apiKey = apiKey;
        this.json = json;
    }

    /** An HTTP error answer. 408, 409, 429 and 5xx (Anthropic's 529 "overloaded" included) are worth a retry. */
    public ProviderError ofStatus(Response response) {
        int status = response.code();
        String code = status == 429 ? ErrorCodes.PROVIDER_RATE_LIMITED
                : status == 408 ? ErrorCodes.PROVIDER_TIMEOUT
                : status >= 500 ? ErrorCodes.PROVIDER_UNAVAILABLE
                : status >= 400 ? ErrorCodes.PROVIDER_REJECTED
                : ErrorCodes.PROVIDER_BAD_RESPONSE;
        boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), response.header("retry-after-ms"),
                Instant.now()).orElse(null);
        ProviderError error = error(code, "answered HTTP " + status + ": " + bodyMessage(response));
        return new ProviderError(error.code(), error.message(), retryable, retryAfter);
    }

    /**
     * The call failed before any answer came: nothing reached the model, so another try is safe, unless the
     * address was refused (asking again changes nothing).
     */
    public ProviderError ofConnectFailure(IOException failure) {
        ProviderError error = ofException(failure);
        return error.endsTheRequest() ? error : new ProviderError(error.code(), error.message(), true, null);
    }

    /** The stream broke or could not be read. A broken connection may be retried, unreadable data not. */
    public ProviderError ofException(Throwable failure) {
        Optional<RefusedAddressException> refused = refusal(failure);
        if (refused.isPresent()) {
            return error(ErrorCodes.PROVIDER_ADDRESS_REFUSED, "was not called: " + refused.get().getMessage());
        }
        if (failure instanceof InterruptedIOException) {
            return error(ErrorCodes.PROVIDER_TIMEOUT, "timed out (" + failure.getMessage() + ")");
        }
        if (failure instanceof IOException) {
            ProviderError error = error(ErrorCodes.PROVIDER_UNAVAILABLE,
                    "connection failed (" + failure.getMessage() + ")");
            return new ProviderError(error.code(), error.message(), true, null);
        }
        return error(ErrorCodes.PROVIDER_BAD_RESPONSE, "sent an unusable response (" + failure.getMessage() + ")");
    }

    /** An {@code error} object sent inside the stream after HTTP 200 (OpenAI, OpenRouter, Anthropic do so). */
    public ProviderError ofStreamError(JsonNode event) {
        ProviderError error = error(ErrorCodes.PROVIDER_ERROR, "reported an error: " + errorText(event));
        JsonNode details = event.path("error");
        boolean transientTrouble = TRANSIENT_TYPES.contains(details.path("type").asString(""))
                || TRANSIENT_TYPES.contains(details.path("code").asString(""));
        return new ProviderError(error.code(), error.message(), transientTrouble, null);
    }

    public ProviderError error(String code, String detail) {
        String message = SecretRedactor.redact("Provider '" + provider + "' " + detail, apiKey);
        boolean retryable = ErrorCodes.PROVIDER_RATE_LIMITED.equals(code) || ErrorCodes.PROVIDER_UNAVAILABLE.equals(code);
        return new ProviderError(code, message.length() > MAX_MESSAGE_LENGTH
                ? message.substring(0, MAX_MESSAGE_LENGTH) + "..." : message, retryable, null);
    }

    /** OkHttp may hand the resolver's refusal on as the cause of another exception. */
    private static Optional<RefusedAddressException> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    private String bodyMessage(Response response) {
        String body;
        try {
            body = response.peekBody(MAX_ERROR_BODY).string();
        } catch (IOException e) {
            return response.message();
        }
        try {
            return errorText(json.readTree(body));
        } catch (JacksonException e) {
            return body.isBlank() ? response.message() : body.strip();
        }
    }

    private static String errorText(JsonNode document) {
        JsonNode error = document.path("error");
        if (error.isString()) {
            return error.stringValue();
        }
        JsonNode message = error.isObject() ? error.path("message") : document.path("message");
        return message.isString() ? message.stringValue() : document.toString();
    }
}
