package dev.parley.platform.logging;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of every service: gives each HTTP request an id (the caller's {@code X-Request-Id} when it
 * is a plain identifier, else a new UUID), echoes it in the response, keeps it in the MDC while the request runs,
 * and writes one access log line per request when it ends (for asynchronous requests such as SSE streams: when
 * the stream ends). The line carries method, path without the query string (where a WebSocket handshake's token
 * would be), status, duration and the log context; never headers or bodies. Health and metrics scrapes are logged
 * at DEBUG.
 */
public class AccessLogFilter extends OncePerRequestFilter {

    static final String LOGGER = "parley.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String requestId = request.getHeader(LogContext.REQUEST_ID_HEADER);
        if (!LogContext.isSafe(requestId)) {
            requestId = UUID.randomUUID().toString();
        }
        MDC.put(LogContext.REQUEST_ID, requestId);
        response.setHeader(LogContext.REQUEST_ID_HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            Map<String, String> context = RequestContextInterceptor.context(request);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(request, response, started, context));
            } else {
                write(request, response.getStatus(), started, context);
            }
            MDC.clear();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    static void write(HttpServletRequest request, int status, long startedNanos, Map<String, String> context) {
        Level level = isScrape(request.getRequestURI()) ? Level.DEBUG : Level.INFO;
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.setContextMap(context);
        try {
            long millis = (System.nanoTime() - startedNanos) / 1_000_000;
            log.atLevel(level)
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", request.getRequestURI())
                    .addKeyValue("status", status)
                    .addKeyValue("durationMs", millis)
                    .log("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, millis);
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    private static boolean isScrape(String path) {
        return path.startsWith("/actuator/health") || path.equals("/actuator/prometheus");
    }

    private record Completion(HttpServletRequest request, HttpServletResponse response, long started,
            Map<String, String> context) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            write(request, response.getStatus(), started, context);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
