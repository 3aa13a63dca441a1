package dev.parley.ingress.stream;

/** The {@code data} of the SSE events: the JSON shapes are part of the public API. */
public sealed interface StreamData {

    /** {@code delta}: the next piece of text. */
    record Delta(String text) implements StreamData {
    }

    /** {@code done}: the answer ended (also by cancel); {@code content} is the full text. */
    record Done(String messageId, String finishReason, String content, Usage usage) implements StreamData {
    }

    /** {@code error}: the answer failed. */
    record Failure(String code, String message) implements StreamData {
    }

    record Usage(long inputTokens, long outputTokens, long totalTokens, String source) {
    }
}
