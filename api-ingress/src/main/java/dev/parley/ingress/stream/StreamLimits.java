package dev.parley.ingress.stream;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxOpenPerUser SSE streams and WebSocket connections one user may hold open on an instance at once
 * @param maxSubscriptionsPerSocket answers one WebSocket connection may follow at once
 */
@Validated
@ConfigurationProperties("parley.stream.limits")
public record StreamLimits(
        @DefaultValue("20") @Min(1) int maxOpenPerUser,
        @DefaultValue("32") @Min(1) int maxSubscriptionsPerSocket) {
}
