package dev.parley.ingress.accounting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClientResponseException;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * usage-accounting's problems as api-ingress answers them, decided by the problem's {@code type} (both services
 * speak platform's vocabulary), never by the bare status. What concerns the caller's input passes on with
 * accounting's detail; what accounting itself suffers (internal, unavailable, a rejected service token) is our 503;
 * an answer that is no problem of the vocabulary is a 502 upstream-failed. Never a 500.
 */
final class AccountingProblems {

    private static final Logger log = LoggerFactory.getLogger(AccountingProblems.class);

    /** Seconds a client waits before trying again: answers in progress and accounting restarts end within them. */
    static final String RETRY_AFTER_SECONDS = "2";

    private AccountingProblems() {
    }

    static ApiProblem translate(RestClientResponseException e) {
        ProblemDetail body = body(e);
        ProblemKind theirs = body == null ? null : ProblemKind.ofType(body.getType()).orElse(null);
        ProblemKind ours = theirs == null ? null : ours(theirs);
        if (ours == null) {
            log.warn("usage-accounting answered {} without a known problem type ({})", e.getStatusCode(),
                    body == null ? "no problem body" : body.getType());
            return new ApiProblem(ProblemKind.UPSTREAM_FAILED, "Usage accounting gave an unexpected answer", e);
        }
        if (ours == ProblemKind.UNAVAILABLE) {
            log.warn("usage-accounting answered {} {}", e.getStatusCode(), theirs.type());
            return unavailable("Usage accounting is unavailable; try again shortly", e);
        }
        ApiProblem problem = new ApiProblem(ours, detail(body, ours), e);
        if (ours.status().value() == 429) {
            problem.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return problem;
    }

    /** Our kind for accounting's; null for a kind accounting never answers with. */
    static ProblemKind ours(ProblemKind theirs) {
        return switch (theirs) {
            case BAD_REQUEST, VALIDATION, MALFORMED_REQUEST -> ProblemKind.VALIDATION;
            case QUOTA_EXHAUSTED -> ProblemKind.QUOTA_EXHAUSTED;
            case TOO_MANY_RESERVATIONS -> ProblemKind.TOO_MANY_RESERVATIONS;
            case TOO_MANY_REQUESTS, RATE_LIMITED -> ProblemKind.RATE_LIMITED;
            case NOT_FOUND -> ProblemKind.NOT_FOUND;
            case CONFLICT -> ProblemKind.CONFLICT;
            // accounting's own trouble, or ours in calling it (a wrong token, path or body): the client can only retry
            case INTERNAL, UNAVAILABLE, TIMEOUT, UNAUTHORIZED, FORBIDDEN, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE,
                    UNSUPPORTED_MEDIA_TYPE -> ProblemKind.UNAVAILABLE;
            default -> null;
        };
    }

    /** A 503 that tells the client when to try again. */
    static ApiProblem unavailable(String detail, Throwable cause) {
        ApiProblem problem = ApiProblem.unavailable(detail, cause);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problem;
    }

    private static ProblemDetail body(RestClientResponseException e) {
        try {
            return e.getResponseBodyAs(ProblemDetail.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The detail of accounting's problem is about the caller's input, so it is worth passing on. */
    private static String detail(ProblemDetail body, ProblemKind kind) {
        return body.getDetail() != null && !body.getDetail().isBlank() ? body.getDetail() : kind.title();
    }
}
