package dev.parley.ingress.config;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Browser apps on other origins that may call the API ({@code PARLEY_CORS_ORIGINS}, comma-separated). Exact
 * origins only ({@code https://app.example.com}, no wildcard, no path): the API authenticates with bearer tokens,
 * so CORS decides only which sites' scripts may read answers, and a pattern is too easy to get wrong.
 */
@Validated
@ConfigurationProperties("parley.cors")
record CorsProperties(@NotNull List<@Pattern(regexp = "https?://[^/*\\s]+", message = "must be an exact origin "
        + "such as https://app.example.com (scheme and host, optional port, no path, no wildcard)") String> origins) {

    CorsProperties {
        origins = origins == null ? List.of() : origins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }
}
