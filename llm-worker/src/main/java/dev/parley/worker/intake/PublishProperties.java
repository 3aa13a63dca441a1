package dev.parley.worker.intake;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How hard the worker tries to publish an answer ({@code parley.worker.publish.*}). Each attempt sends the terminal
 * event and every usage record and waits for the broker up to the producer's {@code delivery.timeout.ms} (30 s).
 *
 * @param giveUpAfter no new attempt starts after this time since the first: the request goes to
 *        {@code chat.requests-dlt} instead (longer than a broker's usual leader election or restart)
 * @param firstBackoff pause after the first failed attempt; doubles after each one
 * @param maxBackoff longest pause between two attempts (also between two attempts to dead-letter the request)
 */
@Validated
@ConfigurationProperties("parley.worker.publish")
record PublishProperties(
        @DefaultValue("2m") @NotNull Duration giveUpAfter,
        @DefaultValue("1s") @NotNull Duration firstBackoff,
        @DefaultValue("16s") @NotNull Duration maxBackoff) {

    /** The pause after the {@code failed}-th failed attempt (1 for the first). */
    Duration backoff(int failed) {
        long millis = firstBackoff.toMillis() << Math.min(failed - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
