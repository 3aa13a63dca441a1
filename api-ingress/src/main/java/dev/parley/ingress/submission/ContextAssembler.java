package dev.parley.ingress.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.ingress.attachment.Attached;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageStatus;

/**
 * Builds the model context of a new message: the conversation's questions and completed answers, oldest first,
 * then the new message. Failed, cancelled and pending answers are left out, since the model never "said" them.
 * At most {@code maxMessages} of them are sent (the newest), and when the context exceeds its character budget
 * the oldest turns go first; the new message always stays.
 */
final class ContextAssembler {

    private final int maxChars;
    private final int maxMessages;

    ContextAssembler(int maxChars, int maxMessages) {
        if (maxChars < 1 || maxMessages < 1) {
            throw new IllegalArgumentException("maxChars and maxMessages must be positive");
        }
        this.maxChars = maxChars;
        this.maxMessages = maxMessages;
    }

    /** @param history the conversation's messages, oldest first */
    List<ChatMessage> assemble(List<MessageDocument> history, String newContent) {
        return assemble(null, history, newContent);
    }

    /** @param systemPrompt leads the context when not null (a project's prompt); never trimmed nor counted */
    List<ChatMessage> assemble(String systemPrompt, List<MessageDocument> history, String newContent) {
        return assemble(systemPrompt, history, Map.of(), new ChatMessage(ChatRole.USER, newContent, List.of()));
    }

    /**
     * @param files what earlier messages' files add to them, by message id
     * @param newMessage the new message, with its own files
     */
    List<ChatMessage> assemble(String systemPrompt, List<MessageDocument> history, Map<String, Attached> files,
            ChatMessage newMessage) {
        List<ChatMessage> context = new ArrayList<>();
        if (systemPrompt != null) {
            context.add(new ChatMessage(ChatRole.SYSTEM, systemPrompt, List.of()));
        }
        for (MessageDocument message : history) {
            if (belongsInContext(message)) {
                context.add(files.getOrDefault(message.id(), Attached.NONE)
                        .message(ChatRole.valueOf(message.role().name()), message.content()));
            }
        }
        context.add(newMessage);
        return withinBudget(newest(context));
    }

    static boolean belongsInContext(MessageDocument message) {
        if (message.content() == null || message.content().isEmpty()) {
            return false;
        }
        return switch (message.role()) {
            case SYSTEM, USER -> true;
            case ASSISTANT -> message.status() == MessageStatus.COMPLETED;
        };
    }

    /** The leading system messages and the newest {@code maxMessages} of the rest. */
    private List<ChatMessage> newest(List<ChatMessage> context) {
        int first = firstConversational(context);
        int from = Math.max(first, context.size() - maxMessages);
        List<ChatMessage> kept = new ArrayList<>(context.subList(0, first));
        kept.addAll(context.subList(from, context.size()));
        return kept;
    }

    private List<ChatMessage> withinBudget(List<ChatMessage> context) {
        long total = context.stream().mapToLong(message -> message.getContent().length()).sum();
        int oldest = firstConversational(context);
        while (total > maxChars && oldest < context.size() - 1) {
            total -= context.remove(oldest).getContent().length();
        }
        return opensWithQuestion(context);
    }

    /** After trimming, the kept turns must open with a question, as providers expect. */
    static List<ChatMessage> opensWithQuestion(List<ChatMessage> context) {
        int oldest = firstConversational(context);
        while (oldest < context.size() - 1 && context.get(oldest).getRole() == ChatRole.ASSISTANT) {
            context.remove(oldest);
        }
        return context;
    }

    /** System messages lead the context and are never trimmed. */
    static int firstConversational(List<ChatMessage> context) {
        int index = 0;
        while (index < context.size() - 1 && context.get(index).getRole() == ChatRole.SYSTEM) {
            index++;
        }
        return index;
    }
}
