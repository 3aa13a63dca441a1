package dev.parley.ingress.limit;

import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.parley.ingress.web.ApiProblem;

import io.github.bucket4j.TimeMeter;

/**
 * Per-user limits on starting answers (posting a message, a /v1 chat completion): answers in progress at once,
 * then requests per minute. Runs before the body is read, so a rejected request costs no admission.
 */
final class ChatRateLimiter implements HandlerInterceptor {

    private final PendingAnswers pending;
    private final int maxConcurrent;
    private final KeyedBuckets perMinute;

    ChatRateLimiter(PendingAnswers pending, LimitProperties properties, TimeMeter time) {
        this.pending = pending;
        this.maxConcurrent = properties.maxConcurrentAnswers();
        this.perMinute = new KeyedBuckets(properties.chatRequestsPerMinute(), Duration.ofMinutes(1), time);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an async request is dispatched again to write its result: count it once
        if (request.getDispatcherType() != DispatcherType.REQUEST || !HttpMethod.POST.matches(request.getMethod())) {
            return true;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            return true;
        }
        if (pending.count(user.getName()) >= maxConcurrent) {
            throw ApiProblem.rateLimited("Too many answers in progress: at most " + maxConcurrent + " at once",
                    Duration.ofSeconds(5));
        }
        Duration wait = perMinute.consume(user.getName());
        if (!wait.isZero()) {
            throw ApiProblem.rateLimited("Too many requests: the limit is per minute", wait);
        }
        return true;
    }
}
