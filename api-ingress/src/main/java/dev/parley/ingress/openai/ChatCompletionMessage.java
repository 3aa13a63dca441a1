package dev.parley.ingress.openai;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * One message of an OpenAI request.
 *
 * @param role system, developer (treated as system), user or assistant
 * @param content a string, or an array of {@code {"type":"text","text":...}} parts
 */
record ChatCompletionMessage(
        @Schema(allowableValues = {"system", "developer", "user", "assistant"}) String role,
        @Schema(description = "A string, or an array of {\"type\":\"text\",\"text\":\"...\"} parts",
                implementation = Object.class) JsonNode content) {
}
