package dev.parley.ingress.web;

/**
 * The error body of OpenAI's API, {@code {"error":{"message","type","param","code"}}}. The /v1 edge answers
 * errors in this shape instead of RFC 9457 problems, because OpenAI SDKs parse exactly this.
 */
public record OpenAiError(Body error) {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String SERVER_ERROR = "server_error";

    public OpenAiError(String message, String type, String param, String code) {
        this(new Body(message, type, param, code));
    }

    public record Body(String message, String type, String param, String code) {
    }
}
