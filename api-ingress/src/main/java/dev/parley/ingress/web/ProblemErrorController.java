package dev.parley.ingress.web;

import dev.parley.platform.problem.ProblemKind;
import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders errors that never reached a controller (rejected by a filter or the container) as problems too,
 * replacing Spring Boot's default error body. It never echoes exception messages.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemKind kind = ProblemKind.forStatus(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, kind.title());
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            if (OpenAiErrors.appliesTo(uri)) {
                OpenAiErrors.Translation translation = OpenAiErrors.translate(problem);
                return ResponseEntity.status(translation.status()).contentType(MediaType.APPLICATION_JSON)
                        .body(translation.body());
            }
            problem.setInstance(URI.create(uri));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            HttpStatus status = HttpStatus.resolve(code);
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        // requested directly rather than forwarded by the container
        return HttpStatus.NOT_FOUND;
    }
}
