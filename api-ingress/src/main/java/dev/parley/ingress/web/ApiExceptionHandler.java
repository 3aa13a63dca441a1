package dev.parley.ingress.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemAdvice;
import dev.parley.platform.problem.ProblemKind;

/**
 * Turns every failure, ours and the framework's, into an RFC 9457 problem with a stable {@code type} (platform's
 * {@link ProblemAdvice} and vocabulary, plus the field list of validation problems here). Spring Security's entry
 * point and access-denied handler delegate here too, so there is one place that shapes errors. The one exception is
 * the OpenAI-compatible edge under /v1, which answers OpenAI's error shape instead.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemAdvice {

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return problem(ProblemKind.UNAUTHORIZED, "A valid bearer token is required", ex, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        return problem(ProblemKind.FORBIDDEN, "You are not allowed to do this", ex, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> violation(error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error))
                .toList();
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        // a body's field errors name the field, as they do without method validation
                        .map(error -> violation(error instanceof FieldError field ? field.getField()
                                : result.getMethodParameter().getParameterName(), error)))
                .toList();
        return validationProblem(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a body without a declared length that outgrew the limit while being read
        if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof BodyTooLargeException cause) {
            ProblemDetail tooLarge = ApiProblem.problem(ProblemKind.PAYLOAD_TOO_LARGE, cause.getMessage());
            return handleExceptionInternal(ex, tooLarge, headers, ProblemKind.PAYLOAD_TOO_LARGE.status(), request);
        }
        ProblemDetail body = ApiProblem.problem(ProblemKind.MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape");
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> render(Exception ex, ProblemDetail problem, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            String path = servlet.getRequest().getRequestURI();
            if (OpenAiErrors.appliesTo(path)) {
                return openAiError(ex, problem, headers, request);
            }
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(path));
            }
        }
        return respond(ex, problem, headers, statusCode, request);
    }

    /** The /v1 edge speaks OpenAI's error shape, which is what OpenAI SDKs parse. */
    private ResponseEntity<Object> openAiError(Exception ex, ProblemDetail problem, HttpHeaders headers,
            WebRequest request) {
        OpenAiErrors.Translation translation = OpenAiErrors.translate(problem);
        HttpHeaders openAiHeaders = new HttpHeaders();
        openAiHeaders.putAll(headers);
        openAiHeaders.setContentType(MediaType.APPLICATION_JSON);
        return respond(ex, translation.body(), openAiHeaders, translation.status(), request);
    }

    private ResponseEntity<Object> validationProblem(Exception ex, List<Map<String, String>> errors,
            HttpHeaders headers, WebRequest request) {
        ProblemDetail body = ApiProblem.problem(ProblemKind.VALIDATION, "The request has invalid fields");
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, ProblemKind.VALIDATION.status(), request);
    }

    private static Map<String, String> violation(String field, MessageSourceResolvable error) {
        String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
        return Map.of("field", field == null ? "" : field, "message", message);
    }
}
