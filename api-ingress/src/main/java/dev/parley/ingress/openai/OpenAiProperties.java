package dev.parley.ingress.openai;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAI-compatible edge.
 *
 * @param completionTimeout how long a non-streaming request waits for its answer before it is answered 504; the
 *        answer is still stored when it arrives later
 */
@Validated
@ConfigurationProperties("parley.openai")
record OpenAiProperties(@DefaultValue("5m") @NotNull Duration completionTimeout) {
}
