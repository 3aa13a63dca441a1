package dev.parley.worker.generation;

import dev.parley.events.CallOutcome;
import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.TokenUsage;
import dev.parley.worker.provider.ProviderResult;

/** The terminal stream event and the usage outcome of an ended provider call. */
final class TerminalEvents {

    private TerminalEvents() {
    }

    /** A cancel is a normal end for the user (finish reason {@code CANCELLED}), not a failure. */
    static Object payload(ProviderResult result, String text, TokenUsage usage) {
        if (result.outcome() == ProviderResult.Outcome.FAILED) {
            return ChatFailed.newBuilder()
                    .setErrorCode(result.error().code())
                    .setErrorMessage(result.error().message())
                    .setPartialText(text)
                    .setUsage(usage)
                    .build();
        }
        return ChatCompleted.newBuilder()
                .setText(text)
                .setFinishReason(result.finishReason())
                .setUsage(usage)
                .build();
    }

    static CallOutcome outcome(ProviderResult result) {
        return switch (result.outcome()) {
            case COMPLETED -> CallOutcome.COMPLETED;
            case CANCELLED -> CallOutcome.CANCELLED;
            case FAILED -> CallOutcome.FAILED;
        };
    }
}
