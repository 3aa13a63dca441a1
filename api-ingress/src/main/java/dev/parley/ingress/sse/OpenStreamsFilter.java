package dev.parley.ingress.sse;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.parley.ingress.stream.OpenStreams;
import dev.parley.platform.problem.ApiProblem;

/**
 * Holds one of the user's open-stream slots for as long as an SSE stream lasts: taken before the request is
 * handled, given back when its asynchronous processing ends (completion, timeout, error) or at once when it did not
 * go asynchronous. Runs after the security chain, so the user is known.
 */
final class OpenStreamsFilter extends OncePerRequestFilter {

    private final OpenStreams streams;
    private final HandlerExceptionResolver problems;

    OpenStreamsFilter(OpenStreams streams, HandlerExceptionResolver problems) {
        this.streams = streams;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || !request.getRequestURI().endsWith("/stream")) {
            chain.doFilter(request, response);
            return;
        }
        String userId = user.getName();
        try {
            streams.acquire(userId);
        } catch (ApiProblem refused) {
            problems.resolveException(request, response, null, refused);
            return;
        }
        boolean async = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Release(streams, userId));
                async = true;
            }
        } finally {
            if (!async) {
                streams.release(userId);
            }
        }
    }

    /** Gives the slot back exactly once, however the stream ends. */
    private static final class Release implements AsyncListener {

        private final OpenStreams streams;
        private final String userId;
        private boolean released;

        Release(OpenStreams streams, String userId) {
            this.streams = streams;
            this.userId = userId;
        }

        @Override
        public synchronized void onComplete(AsyncEvent event) {
            release();
        }

        @Override
        public synchronized void onTimeout(AsyncEvent event) {
            release();
        }

        @Override
        public synchronized void onError(AsyncEvent event) {
            release();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }

        private void release() {
            if (!released) {
                released = true;
                streams.release(userId);
            }
        }
    }
}
