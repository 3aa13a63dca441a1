package dev.parley.ingress.message;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxContextChars budget of one request's context; keeps a ChatRequested well under Kafka's 1 MB
 *        record limit even for long conversations
 */
@Validated
@ConfigurationProperties("parley.chat")
record ChatProperties(@DefaultValue("200000") @Min(1) int maxContextChars) {
}
