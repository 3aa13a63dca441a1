package dev.parley.ingress.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.parley.ingress.attachment.AttachmentRef;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;

/**
 * Writes a conversation's new messages: a question with the empty answer its request will fill, or a question
 * alone. Each write is one insert of the messages and one update of the conversation's tree.
 */
@Component
public class Exchanges {

    private final MessageRepository messages;
    private final MessageQueries queries;
    private final ConversationService conversations;
    private final PendingAnswers pending;
    private final Clock clock;

    Exchanges(MessageRepository messages, MessageQueries queries, ConversationService conversations,
            PendingAnswers pending, Clock clock) {
        this.messages = messages;
        this.queries = queries;
        this.conversations = conversations;
        this.pending = pending;
        this.clock = clock;
    }

    /**
     * Stores the question (unless the turn answers one stored before) and a pending answer, which becomes the
     * conversation's current leaf; the answer is also kept in {@link PendingAnswers} for the client's stream.
     */
    public Exchange store(ConversationDocument conversation, Turn turn, Question asked, Answer settings) {
        Instant now = clock.instant();
        MessageDocument question = turn.existingQuestion() != null ? turn.existingQuestion()
                : new MessageDocument(new ObjectId().toHexString(), conversation.id(), conversation.userId(),
                        MessageRole.USER, asked.content(), MessageStatus.COMPLETED, settings.model(),
                        settings.provider(), settings.requestId(), null, null, null, null, now, now,
                        turn.questionParentId(), null, null, null, asked.attachments(), null, null);
        MessageDocument answer = new MessageDocument(new ObjectId().toHexString(), conversation.id(),
                conversation.userId(), MessageRole.ASSISTANT, "", MessageStatus.PENDING, settings.model(),
                settings.provider(), settings.requestId(), null, null, null, null, now, null,
                turn.questionParentId() == null && turn.existingQuestion() == null ? null : question.id(),
                settings.promptId(), settings.promptVersion(), settings.webhookUrl(), List.of(),
                settings.temperature(), settings.maxTokens());
        List<MessageDocument> stored = turn.existingQuestion() != null ? List.of(answer) : List.of(question, answer);
        write(conversation, stored, answer.id());
        pending.add(answer);
        return new Exchange(question, answer);
    }

    /** Stores a question that asks for no answer; it continues the current branch. */
    public MessageDocument note(ConversationDocument conversation, Question asked) {
        List<String> branch = queries.tree(conversation).branch(conversation.currentLeafId());
        Instant now = clock.instant();
        var message = new MessageDocument(new ObjectId().toHexString(), conversation.id(), conversation.userId(),
                MessageRole.USER, asked.content(), MessageStatus.COMPLETED, null, null, null, null, null, null, null,
                now, now, branch.isEmpty() ? MessageTree.ROOT : branch.getLast(), null, null, null,
                asked.attachments(), null, null);
        write(conversation, List.of(message), message.id());
        return message;
    }

    private void write(ConversationDocument conversation, List<MessageDocument> stored, String leafId) {
        messages.insert(stored);
        conversations.recordMessages(conversation.userId(), conversation.id(),
                stored.stream().map(MessageTree::nodeOf).toList(), leafId);
    }

    /** A new question: its text and files. */
    public record Question(String content, List<AttachmentRef> attachments) {
    }

    /**
     * What an answer is generated with, stored on it (its question, when new, keeps the request, model and provider).
     *
     * @param promptId and {@code promptVersion}: the project prompt it runs with; null: none
     */
    public record Answer(String requestId, String model, String provider, String promptId, Integer promptVersion,
            String webhookUrl, Double temperature, Integer maxTokens) {
    }

    /** The stored question (or the earlier one the turn answers) and its pending answer. */
    public record Exchange(MessageDocument question, MessageDocument answer) {
    }
}
