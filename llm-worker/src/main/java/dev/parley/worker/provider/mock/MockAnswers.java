package dev.parley.worker.provider.mock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.events.FinishReason;
import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptMessage.Role;
import dev.parley.worker.provider.PromptTokens;

/**
 * Writes the mock provider's answers: a fixed sentence pattern around the words of the last user message,
 * so the same conversation always gets the same answer, cut to at most maxTokens tokens.
 */
final class MockAnswers {

    static final int MAX_TOPICS = 8;

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]{2,}");
    private static final Pattern PIECE = Pattern.compile("\\s*\\S+");
    private static final List<String> REMARKS = List.of(
            "Let us think about %s for a moment.",
            "The word \"%s\" stands out in your message.",
            "Many people wonder about %s.",
            "Here is a deterministic remark on %s.",
            "%s deserves a careful answer.");

    private final TokenCounter tokens;

    MockAnswers(TokenCounter tokens) {
        this.tokens = tokens;
    }

    MockScript script(String model, List<PromptMessage> messages, int maxTokens) {
        List<String> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        FinishReason finishReason = FinishReason.STOP;
        Matcher matcher = PIECE.matcher(fullAnswer(messages));
        while (matcher.find()) {
            String piece = matcher.group();
            if (tokens.count(model, text + piece) > maxTokens) {
                finishReason = FinishReason.LENGTH;
                break;
            }
            pieces.add(piece);
            text.append(piece);
        }
        return new MockScript(pieces, finishReason, PromptTokens.count(tokens, model, messages));
    }

    static String fullAnswer(List<PromptMessage> messages) {
        List<String> topics = topics(lastUserMessage(messages));
        var answer = new StringBuilder("This is the Parley mock provider, answering a conversation of ")
                .append(messages.size()).append(messages.size() == 1 ? " message. " : " messages. ");
        answer.append("You asked about ").append(String.join(", ", topics.subList(0, Math.min(3, topics.size()))))
                .append('.');
        int images = lastUserImages(messages);
        if (images > 0) {
            answer.append(" You sent ").append(images).append(images == 1 ? " image." : " images.");
        }
        for (int i = 0; i < topics.size(); i++) {
            answer.append(' ').append(REMARKS.get(i % REMARKS.size()).formatted(topics.get(i)));
        }
        return answer.append(" That is all I have to say.").toString();
    }

    private static int lastUserImages(List<PromptMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).images().size();
            }
        }
        return 0;
    }

    private static String lastUserMessage(List<PromptMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    private static List<String> topics(String message) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> topics = new ArrayList<>();
        Matcher matcher = WORD.matcher(message);
        while (matcher.find() && topics.size() < MAX_TOPICS) {
            if (seen.add(matcher.group().toLowerCase(Locale.ROOT))) {
                topics.add(matcher.group());
            }
        }
        return topics.isEmpty() ? List.of("nothing in particular") : topics;
    }
}
