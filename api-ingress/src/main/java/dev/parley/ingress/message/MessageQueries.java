package dev.parley.ingress.message;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.PageResponse;

/** Reads a user's messages. Each lookup checks the conversation's owner first; foreign ids are 404s. */
@Service
public class MessageQueries {

    private final MessageRepository messages;
    private final ConversationService conversations;

    MessageQueries(MessageRepository messages, ConversationService conversations) {
        this.messages = messages;
        this.conversations = conversations;
    }

    PageResponse<MessageResponse> list(String userId, String conversationId, int page, int size) {
        conversations.requireOwned(userId, conversationId);
        var pageable = PageRequest.of(page, size, MessageRepository.OLDEST_FIRST);
        return PageResponse.of(messages.findByConversationIdAndUserId(conversationId, userId, pageable),
                MessageResponse::of);
    }

    /** All messages of a conversation the caller has already been checked to own, oldest first. */
    List<MessageDocument> history(String userId, String conversationId) {
        return messages.findByConversationIdAndUserId(conversationId, userId, MessageRepository.OLDEST_FIRST);
    }

    /** The user's assistant message in the user's live conversation, or a 404 problem. */
    public MessageDocument requireOwnedAnswer(String userId, String conversationId, String messageId) {
        conversations.requireOwned(userId, conversationId);
        return messages.findByIdAndConversationIdAndUserIdAndRole(messageId, conversationId, userId,
                        MessageRole.ASSISTANT)
                .orElseThrow(() -> ApiProblem.notFound("Message " + messageId + " not found"));
    }
}
