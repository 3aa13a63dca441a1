package dev.parley.ingress.message;

import java.time.Duration;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.parley.ingress.conversation.ConversationDeleted;

/**
 * The answers this instance stored in the last {@link #TTL}, as stored (pending), so that the stream request a
 * client sends right after its post is checked against the answer in memory instead of reading its conversation
 * and its message again (two MongoDB commands per native stream). Each is handed out once: a reconnect, or any
 * later request, reads the stored state as before. The owner and the conversation must match, so a foreign id is
 * never served from here. Deleting a conversation on this instance forgets its answers; deleted through another
 * instance, the one answer's stream may still open within the TTL, as a stream opened just before the delete would.
 */
@Component
public class PendingAnswers {

    static final Duration TTL = Duration.ofSeconds(30);

    // 30 s at a few hundred posts a second; beyond it the oldest fall back to the reads
    private static final long MAX_ANSWERS = 20_000;

    private final Cache<String, MessageDocument> byId;

    PendingAnswers() {
        this(Ticker.systemTicker());
    }

    PendingAnswers(Ticker ticker) {
        this.byId = Caffeine.newBuilder().maximumSize(MAX_ANSWERS).expireAfterWrite(TTL).ticker(ticker).build();
    }

    void add(MessageDocument answer) {
        byId.put(answer.id(), answer);
    }

    /** Its request never reached Kafka: the stored answer (failed) is the one to serve. */
    void forget(String answerId) {
        byId.invalidate(answerId);
    }

    /** A scan, but deletes are rare and the cache is small. */
    @EventListener
    void on(ConversationDeleted deleted) {
        byId.asMap().values().removeIf(answer -> answer.conversationId().equals(deleted.conversationId()));
    }

    /** The user's pending answer in that conversation, if this instance stored it lately and nobody took it yet. */
    public Optional<MessageDocument> take(String userId, String conversationId, String messageId) {
        MessageDocument answer = byId.getIfPresent(messageId);
        if (answer == null || !answer.userId().equals(userId) || !answer.conversationId().equals(conversationId)) {
            return Optional.empty();
        }
        return byId.asMap().remove(messageId, answer) ? Optional.of(answer) : Optional.empty();
    }
}
