package dev.parley.ingress.web;

import dev.parley.platform.problem.ProblemKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Translates a problem into OpenAI's error shape and status for the /v1 edge. The statuses follow OpenAI where
 * its SDKs branch on them: an exhausted balance is 429 {@code insufficient_quota} (not 402) and an unknown model
 * is 404 {@code model_not_found} (not 400).
 */
public final class OpenAiErrors {

    /** Problem property naming the request field an error is about (OpenAI's {@code param}). */
    public static final String PARAM = "param";
    /** Problem property holding a machine-readable error code (OpenAI's {@code code}). */
    public static final String CODE = "code";

    private static final String PATH = "/v1";

    private OpenAiErrors() {
    }

    public static boolean appliesTo(String path) {
        return path != null && (path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    public static Translation translate(ProblemDetail problem) {
        ProblemKind kind = kindOf(problem);
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        String param = text(properties.get(PARAM));
        String code = text(properties.get(CODE));
        String message = problem.getDetail() == null ? kind.title() : problem.getDetail();
        if (properties.get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.getFirst() instanceof Map<?, ?> first) {
            // OpenAI names request fields in snake case; Java validation reports them in camel case
            String field = snakeCase(text(first.get("field")));
            param = param == null ? field : param;
            message = "Invalid '" + field + "': " + first.get("message");
        }
        HttpStatus status = kind == ProblemKind.INTERNAL ? HttpStatus.resolve(problem.getStatus()) : kind.status();
        String type = status != null && status.is4xxClientError() ? OpenAiError.INVALID_REQUEST
                : OpenAiError.SERVER_ERROR;
        switch (kind) {
            case QUOTA_EXHAUSTED -> {
                status = HttpStatus.TOO_MANY_REQUESTS;
                type = "insufficient_quota";
                code = "insufficient_quota";
            }
            case MODEL_UNKNOWN -> {
                status = HttpStatus.NOT_FOUND;
                code = "model_not_found";
                param = param == null ? "model" : param;
            }
            case CONTEXT_WINDOW_EXCEEDED -> {
                code = "context_length_exceeded";
                param = param == null ? "messages" : param;
            }
            case RATE_LIMITED, TOO_MANY_RESERVATIONS -> {
                type = "rate_limit_error";
                code = "rate_limit_exceeded";
            }
            case UNAUTHORIZED -> code = "invalid_api_key";
            case UNAVAILABLE -> code = code == null ? "service_unavailable" : code;
            case TIMEOUT -> code = code == null ? "timeout" : code;
            default -> {
                // the generic type by status is right
            }
        }
        return new Translation(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
                new OpenAiError(message, type, param, code));
    }

    private static ProblemKind kindOf(ProblemDetail problem) {
        for (ProblemKind kind : ProblemKind.values()) {
            if (kind.type().equals(problem.getType())) {
                return kind;
            }
        }
        return ProblemKind.INTERNAL;
    }

    static String snakeCase(String field) {
        return field == null ? null : field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public record Translation(HttpStatus status, OpenAiError body) {
    }
}
