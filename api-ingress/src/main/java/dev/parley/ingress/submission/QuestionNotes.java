package dev.parley.ingress.submission;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.parley.ingress.attachment.AttachmentContext;
import dev.parley.ingress.attachment.AttachmentRef;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.message.Exchanges;
import dev.parley.ingress.message.MessageDocument;

/**
 * Stores a user's message without asking for an answer ({@code "respond": false}): no model, no reservation, no
 * event. It continues the current branch, and the next message that asks for an answer has it in its context.
 */
@Service
class QuestionNotes {

    private final ConversationService conversations;
    private final Exchanges exchanges;
    private final AttachmentContext attachments;

    QuestionNotes(ConversationService conversations, Exchanges exchanges, AttachmentContext attachments) {
        this.conversations = conversations;
        this.exchanges = exchanges;
        this.attachments = attachments;
    }

    MessageAcceptedResponse store(String userId, String conversationId, PostMessageRequest request) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        List<AttachmentRef> files = request.attachmentIds().isEmpty() ? List.of()
                : attachments.refs(userId, conversationId, request.attachmentIds());
        MessageDocument message = exchanges.note(conversation, new Exchanges.Question(request.content(), files));
        return new MessageAcceptedResponse(null, message.id(), null, null);
    }
}
