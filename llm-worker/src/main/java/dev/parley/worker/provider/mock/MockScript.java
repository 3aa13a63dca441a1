package dev.parley.worker.provider.mock;

import java.util.List;

import dev.parley.events.FinishReason;

/**
 * The answer the mock provider will stream: its pieces in order and why it ends there.
 *
 * @param pieces text pieces of about one token each
 * @param finishReason {@code STOP} when the whole answer fit in maxTokens, {@code LENGTH} when it was cut
 * @param inputTokens prompt tokens of the conversation
 */
record MockScript(List<String> pieces, FinishReason finishReason, int inputTokens) {

    String text() {
        return String.join("", pieces);
    }
}
