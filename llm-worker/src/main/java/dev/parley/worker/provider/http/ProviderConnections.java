package dev.parley.worker.provider.http;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pool of connections to the providers ({@code parley.worker.provider-connections.*}). OkHttp's own default
 * keeps 5 idle connections: a worker with hundreds of streams at once, with pauses between them, would close almost
 * every connection once its stream ended and open (with TLS: handshake) a new one for the next call.
 *
 * @param maxIdle idle connections kept for reuse, over all providers
 * @param keepAlive how long an idle connection is kept
 */
@Validated
@ConfigurationProperties("parley.worker.provider-connections")
public record ProviderConnections(
        @DefaultValue("1024") @Min(0) int maxIdle,
        @DefaultValue("5m") @NotNull Duration keepAlive) {

    @AssertTrue(message = "keep-alive must be positive")
    boolean isKeepAlivePositive() {
        return keepAlive == null || keepAlive.isPositive();
    }

    /** The defaults, for clients built outside Spring. */
    public static ProviderConnections defaults() {
        return new ProviderConnections(1024, Duration.ofMinutes(5));
    }
}
