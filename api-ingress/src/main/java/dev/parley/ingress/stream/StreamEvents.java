package dev.parley.ingress.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatStreamed;
import dev.parley.events.FinishReason;
import dev.parley.events.TokenUsage;
import dev.parley.events.TokensGenerated;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageError;
import dev.parley.ingress.message.MessageOutcome;
import dev.parley.ingress.message.MessageStatus;
import dev.parley.ingress.message.MessageUsage;
import dev.parley.platform.kafka.InvalidEventException;

/** Maps chat.stream events to SSE events and stored outcomes, and stored answers back to SSE events. */
final class StreamEvents {

    private StreamEvents() {
    }

    static StreamEvent from(ChatStreamed event) {
        StreamData data = switch (event.getPayload()) {
            case TokensGenerated delta -> new StreamData.Delta(delta.getText());
            case ChatCompleted done -> new StreamData.Done(event.getMessageId(), done.getFinishReason().name(),
                    done.getText(), usage(done.getUsage()));
            case ChatFailed failed -> new StreamData.Failure(failed.getErrorCode(), failed.getErrorMessage());
            default -> throw new InvalidEventException("Unknown chat.stream payload in request "
                    + event.getRequestId());
        };
        return new StreamEvent(event.getSequence(), data);
    }

    /** The final state of the answer, when the event is a terminal one. */
    static Optional<MessageOutcome> outcome(ChatStreamed event) {
        return switch (event.getPayload()) {
            case ChatCompleted done -> Optional.of(new MessageOutcome(event.getMessageId(), event.getRequestId(),
                    event.getUserId(),
                    done.getFinishReason() == FinishReason.CANCELLED ? MessageStatus.CANCELLED
                            : MessageStatus.COMPLETED,
                    done.getText(), done.getFinishReason().name(), messageUsage(done.getUsage()), null,
                    event.getSequence(), event.getEmittedAt()));
            case ChatFailed failed -> Optional.of(new MessageOutcome(event.getMessageId(), event.getRequestId(),
                    event.getUserId(), MessageStatus.FAILED, failed.getPartialText(), null,
                    messageUsage(failed.getUsage()), new MessageError(failed.getErrorCode(), failed.getErrorMessage()),
                    event.getSequence(), event.getEmittedAt()));
            default -> Optional.empty();
        };
    }

    /**
     * A finished answer as events: its full text as one delta, then its done or error event with the stored
     * terminal sequence as id. A client that resumes ({@code lastEventId >= 0}) already holds part of the text,
     * so it gets only the terminal event, which carries all of it, and always gets it: after a worker takeover
     * the ids it saw were renumbered past the stored (worker's) sequence, so the event's id is raised above
     * {@code lastEventId} where needed.
     */
    static List<StreamEvent> replay(MessageDocument answer, long lastEventId) {
        long stored = answer.terminalSequence() == null ? 0 : answer.terminalSequence();
        String content = answer.content() == null ? "" : answer.content();
        StreamData terminal = terminalData(answer, content);
        if (lastEventId >= 0) {
            return List.of(new StreamEvent(Math.max(stored, lastEventId + 1), terminal));
        }
        List<StreamEvent> events = new ArrayList<>();
        if (!content.isEmpty()) {
            events.add(new StreamEvent(Math.max(0, stored - 1), new StreamData.Delta(content)));
        }
        events.add(new StreamEvent(stored, terminal));
        return events;
    }

    private static StreamData terminalData(MessageDocument answer, String content) {
        if (answer.status() == MessageStatus.FAILED) {
            MessageError error = answer.error();
            return error == null ? new StreamData.Failure("failed", "The answer failed")
                    : new StreamData.Failure(error.code(), error.message());
        }
        MessageUsage usage = answer.usage();
        return new StreamData.Done(answer.id(), answer.finishReason(), content, usage == null ? null
                : new StreamData.Usage(usage.inputTokens(), usage.outputTokens(), usage.totalTokens(),
                        usage.source()));
    }

    private static StreamData.Usage usage(TokenUsage usage) {
        return new StreamData.Usage(usage.getInputTokens(), usage.getOutputTokens(),
                usage.getInputTokens() + usage.getOutputTokens(), usage.getSource().name());
    }

    private static MessageUsage messageUsage(TokenUsage usage) {
        return new MessageUsage(usage.getInputTokens(), usage.getOutputTokens(),
                usage.getInputTokens() + usage.getOutputTokens(), usage.getSource().name());
    }
}
