package dev.parley.platform.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of every service's {@code @RestControllerAdvice}: each failure leaves as an RFC 9457 problem with a type
 * of {@link ProblemKind}. {@link ApiProblem}s and Spring MVC's own exceptions keep their status; a problem that
 * only has a status (about:blank) gets the service's kind for it ({@link #kindForStatus}); anything unexpected is
 * logged here and answered as {@code internal} without internals. A service adds its own handlers (security,
 * validation details) in its subclass.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure of {}", describe(request), ex);
        return problem(ProblemKind.INTERNAL, "An unexpected error occurred", ex, request);
    }

    /** The kind of a problem that only has a status; api-ingress's choice unless a service overrides it. */
    protected ProblemKind kindForStatus(HttpStatusCode status) {
        return ProblemKind.forStatus(status);
    }

    /** Answers a problem of this kind with its status. */
    protected final ResponseEntity<Object> problem(ProblemKind kind, String detail, Exception ex, WebRequest request) {
        return handleExceptionInternal(ex, ApiProblem.problem(kind, detail), new HttpHeaders(), kind.status(),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ex instanceof ErrorResponse response ? response.getBody()
                : ProblemDetail.forStatus(statusCode);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            ProblemKind kind = kindForStatus(statusCode);
            problem.setType(kind.type());
            problem.setTitle(kind.title());
        }
        return render(ex, problem, headers, statusCode, request);
    }

    /** Renders a problem whose type is set; a service may answer some paths in another shape. */
    protected ResponseEntity<Object> render(Exception ex, ProblemDetail problem, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(ex, problem, headers, status, request);
    }

    /** Spring MVC's rendering of any body, without the type filling above. */
    protected final ResponseEntity<Object> respond(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    protected static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
