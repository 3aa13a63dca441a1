package dev.parley.ingress.limit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/** Rejects a body larger than the limit by its declared length, before anything reads it. */
final class RequestSizeLimit implements HandlerInterceptor {

    private final LimitProperties limits;

    RequestSizeLimit(LimitProperties limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long maxBytes = limits.maxBodyOf(request.getRequestURI());
        if (request.getContentLengthLong() > maxBytes) {
            throw new ApiProblem(ProblemKind.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes");
        }
        return true;
    }
}
