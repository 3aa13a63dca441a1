package dev.parley.ingress.message;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.PageResponse;
import dev.parley.ingress.webhook.WebhookDeliveries;
import dev.parley.ingress.webhook.WebhookStatus;

/** Reads a user's messages. Each lookup checks the conversation's owner first; foreign ids are 404s. */
@Service
public class MessageQueries {

    private final MessageRepository messages;
    private final ConversationService conversations;
    private final WebhookDeliveries webhooks;

    MessageQueries(MessageRepository messages, ConversationService conversations, WebhookDeliveries webhooks) {
        this.messages = messages;
        this.conversations = conversations;
        this.webhooks = webhooks;
    }

    /** The conversation's current branch, oldest first. */
    PageResponse<MessageResponse> list(String userId, String conversationId, int page, int size) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        MessageTree tree = tree(conversation);
        return page(userId, tree, tree.branch(conversation.currentLeafId()), page, size);
    }

    /** Every message of every branch, oldest first, each with its parent so that clients can draw the tree. */
    PageResponse<MessageResponse> listAll(String userId, String conversationId, int page, int size) {
        MessageTree tree = tree(conversations.requireOwned(userId, conversationId));
        return page(userId, tree, tree.all(), page, size);
    }

    MessageResponse get(String userId, String conversationId, String messageId) {
        MessageTree tree = tree(conversations.requireOwned(userId, conversationId));
        MessageDocument message = tree.find(messageId).orElseThrow(() -> notFound(messageId));
        return responses(userId, tree, List.of(message)).apply(message);
    }

    /** The current branch of a conversation the caller has already been checked to own, oldest first. */
    List<MessageDocument> history(String userId, String conversationId) {
        return branch(conversations.requireOwned(userId, conversationId));
    }

    List<MessageDocument> branch(ConversationDocument conversation) {
        return tree(conversation).branch(conversation.currentLeafId());
    }

    MessageTree tree(ConversationDocument conversation) {
        return new MessageTree(messages.findByConversationIdAndUserId(conversation.id(), conversation.userId(),
                MessageRepository.OLDEST_FIRST));
    }

    /** The user's assistant message in the user's live conversation, or a 404 problem. */
    public MessageDocument requireOwnedAnswer(String userId, String conversationId, String messageId) {
        conversations.requireOwned(userId, conversationId);
        return messages.findByIdAndConversationIdAndUserIdAndRole(messageId, conversationId, userId,
                        MessageRole.ASSISTANT)
                .orElseThrow(() -> notFound(messageId));
    }

    /** Any message of the user's live conversation, or a 404 problem. */
    public MessageDocument requireOwnedMessage(String userId, String conversationId, String messageId) {
        conversations.requireOwned(userId, conversationId);
        return messages.findByIdAndConversationIdAndUserId(messageId, conversationId, userId).orElseThrow(() -> notFound(messageId));
    }

    static ApiProblem notFound(String messageId) {
        return ApiProblem.notFound("Message " + messageId + " not found");
    }

    private PageResponse<MessageResponse> page(String userId, MessageTree tree, List<MessageDocument> items,
            int page, int size) {
        var pageable = PageRequest.of(page, size);
        int from = (int) Math.min(pageable.getOffset(), items.size());
        int to = Math.min(from + size, items.size());
        List<MessageDocument> shown = items.subList(from, to);
        return PageResponse.of(new PageImpl<>(shown, pageable, items.size()), responses(userId, tree, shown));
    }

    /** Responses with each message's parent and, for answers that asked for one, their webhook's delivery. */
    private Function<MessageDocument, MessageResponse> responses(String userId, MessageTree tree,
            List<MessageDocument> shown) {
        Map<String, WebhookStatus> deliveries = webhooks.statuses(userId, shown.stream()
                .filter(message -> message.webhookUrl() != null).map(MessageDocument::id).toList());
        return message -> MessageResponse.of(message, tree.parentOf(message.id()), message.webhookUrl() == null
                ? null
                : deliveries.getOrDefault(message.id(),
                        WebhookStatus.withoutDelivery(message.webhookUrl(), message.status().finished())));
    }
}
