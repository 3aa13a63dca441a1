package dev.parley.ingress.submission;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxContextChars budget of one request's context; keeps a ChatRequested well under Kafka's 1 MB
 *        record limit even for long conversations
 * @param maxContextMessages the most messages of the conversation a request's context carries, the new one
 *        included (a project's system prompt is not counted); older turns are left out
 */
@Validated
@ConfigurationProperties("parley.chat")
record ChatProperties(@DefaultValue("200000") @Min(1) int maxContextChars,
        @DefaultValue("200") @Min(1) int maxContextMessages) {
}
