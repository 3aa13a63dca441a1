package dev.parley.platform.logging;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Adds who and what a request is about to the MDC once it has been authenticated and mapped: the principal's name
 * as {@code userId} (a user id on api-ingress; the calling service's name on internal APIs) and the
 * {@code conversationId} path variable, so that every log line of the request can be found by them. It also keeps
 * the context on the request, where {@link AccessLogFilter} (outside the security chain, and called again when an
 * asynchronous request completes on another thread) finds it for the access log line.
 */
public class RequestContextInterceptor implements AsyncHandlerInterceptor {

    static final String ATTRIBUTE = RequestContextInterceptor.class.getName() + ".context";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            LogContext.put(LogContext.USER_ID, principal.getName());
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get(LogContext.CONVERSATION_ID) instanceof String conversationId) {
            LogContext.put(LogContext.CONVERSATION_ID, conversationId);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        remember(request);
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        remember(request);
    }

    /** What was in the MDC when the handler returned: a chat request id the handler added is included. */
    private static void remember(HttpServletRequest request) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context != null && !context.isEmpty()) {
            request.setAttribute(ATTRIBUTE, new HashMap<>(context));
        }
    }

    /** The context remembered for {@code request}, else the MDC as it is now (a request refused before mapping). */
    @SuppressWarnings("unchecked")
    static Map<String, String> context(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Map<?, ?> remembered) {
            return (Map<String, String>) remembered;
        }
        Map<String, String> current = MDC.getCopyOfContextMap();
        return current == null ? Map.of() : current;
    }
}
