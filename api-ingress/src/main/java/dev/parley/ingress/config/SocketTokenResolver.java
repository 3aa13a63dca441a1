package dev.parley.ingress.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Browsers cannot set headers on a WebSocket handshake, so /api/ws/stream also takes the bearer token as the
 * {@code access_token} query parameter (RFC 6750 2.3). Everywhere else only the header counts, which keeps tokens
 * out of URLs and access logs.
 */
final class SocketTokenResolver implements BearerTokenResolver {

    static final String SOCKET_PATH = "/api/ws/stream";

    private final DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
    private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();

    SocketTokenResolver() {
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        boolean socket = SOCKET_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
        return (socket ? headerOrQuery : headerOnly).resolve(request);
    }
}
