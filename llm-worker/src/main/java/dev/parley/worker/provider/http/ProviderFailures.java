package dev.parley.worker.provider.openai;

import java.io.IOException;
import java.io.InterruptedIOException;

import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.SecretRedactor;

/** Turns what went wrong with an OpenAI-compatible call into a {@link ProviderError} safe to show a user. */
final class ProviderFailures {

    static final int MAX_MESSAGE_LENGTH = 500;
    private static final long MAX_ERROR_BODY = 16 * 1024;

    private final String provider;
    private final String apiKey;
    private final JsonMapper json;

    ProviderFailures(String provider, String apiKey, JsonMapper json) {
        this.provider = provider;
        this.apiKey = apiKey;
        this.json = json;
    }

    ProviderError ofStatus(Response response) {
        int status = response.code();
        String code = status == 429 ? ErrorCodes.PROVIDER_RATE_LIMITED
                : status == 408 ? ErrorCodes.PROVIDER_TIMEOUT
                : status >= 500 ? ErrorCodes.PROVIDER_UNAVAILABLE
                : status >= 400 ? ErrorCodes.PROVIDER_REJECTED
                : ErrorCodes.PROVIDER_BAD_RESPONSE;
        return error(code, "answered HTTP " + status + ": " + bodyMessage(response));
    }

    ProviderError ofException(Throwable failure) {
        if (failure instanceof InterruptedIOException) {
            return error(ErrorCodes.PROVIDER_TIMEOUT, "timed out (" + failure.getMessage() + ")");
        }
        if (failure instanceof IOException) {
            return error(ErrorCodes.PROVIDER_UNAVAILABLE, "connection failed (" + failure.getMessage() + ")");
        }
        return error(ErrorCodes.PROVIDER_BAD_RESPONSE, "sent an unusable response (" + failure.getMessage() + ")");
    }

    /** An {@code error} object sent inside the stream (OpenAI and OpenRouter do so after HTTP 200). */
    ProviderError ofStreamError(JsonNode chunk) {
        return error(ErrorCodes.PROVIDER_ERROR, "reported an error: " + errorText(chunk));
    }

    ProviderError error(String code, String detail) {
        String message = SecretRedactor.redact("Provider '" + provider + "' " + detail, apiKey);
        return new ProviderError(code, message.length() > MAX_MESSAGE_LENGTH
                ? message.substring(0, MAX_MESSAGE_LENGTH) + "..." : message);
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
