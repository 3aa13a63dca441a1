package dev.parley.ingress.webhook;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of answers to per-request webhooks.
 *
 * @param maxAttempts attempts per delivery, the first included, before it fails for good
 * @param retryDelays the waits after the 1st, 2nd, ... failed attempt; the last repeats
 * @param jitter the share by which a wait may move either way (0..1)
 * @param maxRetryAfter the longest a receiver's {@code Retry-After} may postpone a retry
 * @param callTimeout the whole POST, connecting and reading the answer included
 * @param pollInterval how often each instance looks for due deliveries
 * @param lease how long a claimed delivery belongs to the instance sending it; longer than a call, so that only
 *        a crashed instance's lease runs out
 * @param maxConcurrentDeliveries POSTs in flight per instance, so that slow receivers cannot exhaust it
 * @param retention how long delivered and failed deliveries are kept
 * @param sweepInterval how often those older than the retention are removed
 */
@Validated
@ConfigurationProperties("parley.webhook")
record WebhookProperties(
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue({"10s", "30s", "1m", "5m", "15m", "1h"}) @NotEmpty List<Duration> retryDelays,
        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
        @DefaultValue("1h") @NotNull Duration maxRetryAfter,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("10s") @NotNull Duration callTimeout,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("1m") @NotNull Duration lease,
        @DefaultValue("16") @Min(1) int maxConcurrentDeliveries,
        @DefaultValue("7d") @NotNull Duration retention,
        @DefaultValue("1h") @NotNull Duration sweepInterval) {

    @AssertTrue(message = "must be longer than call-timeout")
    boolean isLeaseLongerThanACall() {
        return lease == null || callTimeout == null || lease.compareTo(callTimeout) > 0;
    }
}
