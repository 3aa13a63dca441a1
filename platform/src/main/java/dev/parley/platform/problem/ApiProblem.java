package dev.parley.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An expected failure of a request, rendered as an RFC 9457 problem with the kind's stable type. Spring MVC
 * renders {@link ErrorResponseException}s itself, so features of every service only throw these.
 */
public class ApiProblem extends ErrorResponseException {

    private final ProblemKind kind;

    public ApiProblem(ProblemKind kind, String detail) {
        this(kind, detail, null);
    }

    public ApiProblem(ProblemKind kind, String detail, Throwable cause) {
        super(kind.status(), problem(kind, detail), cause);
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ProblemKind.NOT_FOUND, detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemKind.CONFLICT, detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(ProblemKind.UNAUTHORIZED, detail);
    }

    public static ApiProblem unavailable(String detail, Throwable cause) {
        return new ApiProblem(ProblemKind.UNAVAILABLE, detail, cause);
    }

    /** A 429 that tells the client when to try again, in whole seconds (at least 1). */
    public static ApiProblem rateLimited(String detail, Duration retryAfter) {
        ApiProblem problem = new ApiProblem(ProblemKind.RATE_LIMITED, detail);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem.with("retryAfterSeconds", seconds);
    }

    /** A validation problem about one field, in the same shape as a failed bean validation. */
    public static ApiProblem validation(String field, String message) {
        return new ApiProblem(ProblemKind.VALIDATION, "The request has invalid fields")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    /** Adds a property to the problem body, e.g. a machine-readable {@code code}. */
    public ApiProblem with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    /** The body of a problem of this kind. */
    public static ProblemDetail problem(ProblemKind kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        return problem;
    }
}
