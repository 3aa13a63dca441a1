package dev.parley.accounting.web;

import java.util.Set;

import jakarta.validation.ConstraintViolationException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemAdvice;
import dev.parley.platform.problem.ProblemKind;

/**
 * Every error leaves as an RFC 9457 problem of platform's vocabulary ({@link ProblemAdvice}): Spring MVC's own
 * exceptions (bad paths, methods, validation), authentication failures handed over by the security entry point, and
 * anything unexpected. api-ingress maps these by {@code type}; the generic ones of this service are
 * {@code bad-request} and {@code too-many-requests}, as they always were.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemAdvice {

    /** The kinds a bare status may stand for here; any other 4xx is bad-request, any other 5xx internal. */
    private static final Set<ProblemKind> BY_STATUS = Set.of(ProblemKind.BAD_REQUEST, ProblemKind.UNAUTHORIZED,
            ProblemKind.QUOTA_EXHAUSTED, ProblemKind.FORBIDDEN, ProblemKind.NOT_FOUND, ProblemKind.METHOD_NOT_ALLOWED,
            ProblemKind.NOT_ACCEPTABLE, ProblemKind.CONFLICT, ProblemKind.UNSUPPORTED_MEDIA_TYPE,
            ProblemKind.TOO_MANY_REQUESTS, ProblemKind.INTERNAL, ProblemKind.UNAVAILABLE);

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthorized(AuthenticationException exception, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return handleExceptionInternal(exception,
                ApiProblem.problem(ProblemKind.UNAUTHORIZED, "A valid service token is required."), headers,
                ProblemKind.UNAUTHORIZED.status(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException exception, WebRequest request) {
        return problem(ProblemKind.FORBIDDEN, "This token may not use this endpoint.", exception, request);
    }

    @ExceptionHandler({IllegalArgumentException.class, ConstraintViolationException.class})
    ResponseEntity<Object> badArgument(RuntimeException exception, WebRequest request) {
        return problem(ProblemKind.BAD_REQUEST, exception.getMessage(), exception, request);
    }

    @Override
    protected ProblemKind kindForStatus(HttpStatusCode status) {
        for (ProblemKind kind : BY_STATUS) {
            if (kind.status().value() == status.value()) {
                return kind;
            }
        }
        return status.is4xxClientError() ? ProblemKind.BAD_REQUEST : ProblemKind.INTERNAL;
    }
}
