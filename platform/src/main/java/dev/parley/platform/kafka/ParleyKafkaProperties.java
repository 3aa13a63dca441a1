package dev.parley.platform.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic layout and retry policy shared by all services.
 *
 * @param partitions partitions of every Parley topic (and its dead-letter topic)
 * @param replicationFactor replicas of every topic; 1 for the embedded single broker
 * @param retryInterval first pause before redelivering a record whose handler threw; doubles per attempt
 * @param maxRetryInterval longest pause between two redeliveries
 * @param retryAttempts redeliveries before a record whose failure is neither transient nor poison goes to its
 *        dead-letter topic
 * @param transientMaxRetryInterval longest pause between two redeliveries of a record that failed transiently (a
 *        dependency down), which are retried without limit; well below {@code max.poll.interval.ms}
 * @param restartStalledConsumers restart a listener container whose consumer stopped polling or stopped abnormally
 */
@Validated
@ConfigurationProperties("parley.kafka")
public record ParleyKafkaProperties(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("500ms") @NotNull Duration retryInterval,
        @DefaultValue("8s") @NotNull Duration maxRetryInterval,
        @DefaultValue("6") @Min(0) int retryAttempts,
        @DefaultValue("30s") @NotNull Duration transientMaxRetryInterval,
        @DefaultValue("true") boolean restartStalledConsumers) {
}
