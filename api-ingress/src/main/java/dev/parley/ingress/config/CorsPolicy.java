package dev.parley.ingress.config;

import java.time.Duration;
import java.util.List;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for the API ({@code /api/**}, the SSE streams included) and the OpenAI-compatible {@code /v1/**}, applied by
 * Spring Security before authentication so that a preflight (which carries no token) is answered rather than
 * refused with a 401. Only the configured origins get CORS headers; a preflight from any other origin is a 403.
 * No credentials mode: the API takes bearer tokens, never cookies.
 */
final class CorsPolicy {

    static final List<String> EXPOSED_HEADERS = List.of("Last-Event-ID", "Retry-After", "Location", "X-Request-Id");

    private CorsPolicy() {
    }

    /** Not a bean: MVC's own HandlerMappingIntrospector is a CorsConfigurationSource too. */
    static CorsConfigurationSource source(CorsProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.origins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        // any request header: OpenAI SDKs send their own (X-Stainless-*), and without credentials this opens nothing
        cors.setAllowedHeaders(List.of(CorsConfiguration.ALL));
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/v1/**", cors);
        return source;
    }
}
