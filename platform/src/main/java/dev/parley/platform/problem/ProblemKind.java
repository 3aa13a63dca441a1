package dev.parley.platform.problem;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The stable problem types of Parley's HTTP APIs, api-ingress's public one and usage-accounting's internal one.
 * Clients branch on {@link #type()}, so a kind's URI never changes once published; titles and details may.
 */
public enum ProblemKind {

    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    /** usage-accounting's invalid input (its bad paths, parameters and bodies); api-ingress says validation. */
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    QUOTA_EXHAUSTED("quota-exhausted", HttpStatus.PAYMENT_REQUIRED, "Quota exhausted"),
    TOO_MANY_RESERVATIONS("too-many-reservations", HttpStatus.TOO_MANY_REQUESTS, "Too many requests in flight"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    /** usage-accounting's generic 429; api-ingress says rate-limited. */
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    REGISTRATION_CLOSED("registration-closed", HttpStatus.FORBIDDEN, "Registration closed"),
    LIMIT_REACHED("limit-reached", HttpStatus.CONFLICT, "Limit reached"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    MODEL_UNKNOWN("model-unknown", HttpStatus.BAD_REQUEST, "Unknown model"),
    OUTBOUND_ADDRESS_REFUSED("outbound-address-refused", HttpStatus.BAD_REQUEST, "Address refused"),
    WEBHOOK_SECRET_MISSING("webhook-secret-missing", HttpStatus.BAD_REQUEST, "Webhook secret missing"),
    CONTEXT_WINDOW_EXCEEDED("context-window-exceeded", HttpStatus.BAD_REQUEST, "Context window exceeded"),
    CATALOG_READ_ONLY("catalog-read-only", HttpStatus.CONFLICT, "Set by configuration"),
    ATTACHMENT_TOO_LARGE("attachment-too-large", HttpStatus.CONTENT_TOO_LARGE, "Attachment too large"),
    ATTACHMENT_TYPE_UNSUPPORTED("attachment-type-unsupported", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Attachment type not supported"),
    ATTACHMENT_TYPE_MISMATCH("attachment-type-mismatch", HttpStatus.BAD_REQUEST,
            "Attachment is not what it claims to be"),
    ATTACHMENT_MALFORMED("attachment-malformed", HttpStatus.BAD_REQUEST, "Attachment unreadable"),
    ATTACHMENT_EXPANDS_TOO_MUCH("attachment-expands-too-much", HttpStatus.BAD_REQUEST,
            "Attachment expands beyond the limits"),
    STORAGE_QUOTA_EXCEEDED("storage-quota-exceeded", HttpStatus.CONFLICT, "Storage quota exceeded"),
    MODEL_TAKES_NO_IMAGES("model-takes-no-images", HttpStatus.BAD_REQUEST, "Model takes no images"),
    UPSTREAM_FAILED("upstream-failed", HttpStatus.BAD_GATEWAY, "Upstream failed"),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    TIMEOUT("timeout", HttpStatus.GATEWAY_TIMEOUT, "Timed out"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String PREFIX = "urn:parley:problem:";
    private static final Map<URI, ProblemKind> BY_TYPE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(ProblemKind::type, Function.identity()));

    private final URI type;
    private final HttpStatus status;
    private final String title;

    ProblemKind(String name, HttpStatus status, String title) {
        this.type = URI.create(PREFIX + name);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Whether a bare status may stand for this kind; the specific kinds are only ever raised by name. */
    private boolean generic() {
        return switch (this) {
            case VALIDATION, BAD_REQUEST, TOO_MANY_REQUESTS, MODEL_UNKNOWN, TOO_MANY_RESERVATIONS, CONTEXT_WINDOW_EXCEEDED, OUTBOUND_ADDRESS_REFUSED,
                    CATALOG_READ_ONLY, ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE_UNSUPPORTED, ATTACHMENT_TYPE_MISMATCH,
                    ATTACHMENT_MALFORMED, ATTACHMENT_EXPANDS_TOO_MUCH, STORAGE_QUOTA_EXCEEDED,
                    MODEL_TAKES_NO_IMAGES -> false;
            default -> true;
        };
    }

    /** The kind of a problem's {@code type}; empty for about:blank, null and types of no Parley API. */
    public static Optional<ProblemKind> ofType(URI type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** The kind for a framework exception that only tells its status (api-ingress's choice for a bare 400 or 429). */
    public static ProblemKind forStatus(HttpStatusCode status) {
        for (ProblemKind kind : values()) {
            if (kind.status.value() == status.value() && kind.generic()) {
                return kind;
            }
        }
        return status.is4xxClientError() ? MALFORMED_REQUEST : status.value() == 503 ? UNAVAILABLE : INTERNAL;
    }
}
