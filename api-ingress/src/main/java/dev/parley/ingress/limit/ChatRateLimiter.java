package dev.parley.ingress.limit;

import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.parley.platform.problem.ApiProblem;

import io.github.bucket4j.TimeMeter;

/**
 * Per-user limit on starting answers (posting a message, a /v1 chat completion): requests per minute. Runs before
 * the body is read, so a rejected request costs no admission. Answers in progress at once are bounded by admission
 * (usage-accounting counts a user's reservations in the update that admits a request).
 */
final class ChatRateLimiter implements HandlerInterceptor {

    private final KeyedBuckets perMinute;

    ChatRateLimiter(LimitProperties properties, TimeMeter time) {
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
        Duration wait = perMinute.consume(user.getName());
        if (!wait.isZero()) {
            throw ApiProblem.rateLimited("Too many requests: the limit is per minute", wait);
        }
        return true;
    }
}
