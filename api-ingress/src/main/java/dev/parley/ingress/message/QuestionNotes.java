package dev.parley.ingress.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import dev.parley.ingress.attachment.AttachmentContext;
import dev.parley.ingress.attachment.AttachmentRef;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;

/**
 * Stores a user's message without asking for an answer ({@code "respond": false}): no model, no reservation, no
 * event. It continues the current branch, and the next message that asks for an answer has it in its context.
 */
@Service
class QuestionNotes {

    private final ConversationService conversations;
    private final MessageQueries queries;
    private final MessageRepository messages;
    private final AttachmentContext attachments;
    private final Clock clock;

    QuestionNotes(ConversationService conversations, MessageQueries queries, MessageRepository messages,
            AttachmentContext attachments, Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.messages = messages;
        this.attachments = attachments;
        this.clock = clock;
    }

    MessageAcceptedResponse store(String userId, String conversationId, PostMessageRequest request) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        List<String> branch = queries.tree(conversation).branch(conversation.currentLeafId());
        List<AttachmentRef> files = request.attachmentIds().isEmpty() ? List.of()
                : attachments.refs(userId, conversationId, request.attachmentIds());
        Instant now = clock.instant();
        var message = new MessageDocument(new ObjectId().toHexString(), conversationId, userId, MessageRole.USER,
                request.content(), MessageStatus.COMPLETED, null, null, null, null, null, null, null, now, now,
                branch.isEmpty() ? MessageTree.ROOT : branch.getLast(), null, null, null, files, null, null);
        messages.insert(List.of(message));
        conversations.recordMessages(userId, conversationId, List.of(MessageTree.nodeOf(message)), message.id());
        return new MessageAcceptedResponse(null, message.id(), null, null);
    }
}
