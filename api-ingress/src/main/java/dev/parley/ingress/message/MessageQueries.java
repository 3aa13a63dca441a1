package dev.parley.ingress.message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.ingress.conversation.MessageNode;
import dev.parley.platform.problem.ApiProblem;
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
        return page(conversation, tree, tree.branch(conversation.currentLeafId()), page, size);
    }

    /** Every message of every branch, oldest first, each with its parent so that clients can draw the tree. */
    PageResponse<MessageResponse> listAll(String userId, String conversationId, int page, int size) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        MessageTree tree = tree(conversation);
        return page(conversation, tree, tree.all(), page, size);
    }

    MessageResponse get(String userId, String conversationId, String messageId) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        MessageTree tree = tree(conversation);
        MessageDocument message = read(conversation, List.of(messageId)).stream().findFirst()
                .orElseThrow(() -> notFound(messageId));
        return responses(userId, tree, List.of(message)).apply(message);
    }

    /** The whole current branch of a conversation the caller has already been checked to own, oldest first. */
    public List<MessageDocument> branch(ConversationDocument conversation) {
        return read(conversation, tree(conversation).branch(conversation.currentLeafId()));
    }

    /** The newest {@code limit} messages of the current branch, oldest first: what a new message's context needs. */
    public List<MessageDocument> branch(ConversationDocument conversation, int limit) {
        List<String> ids = tree(conversation).branch(conversation.currentLeafId());
        return read(conversation, ids.subList(Math.max(0, ids.size() - limit), ids.size()));
    }

    /**
     * The conversation's tree: from the nodes it keeps, or, for a conversation stored before those were kept, read
     * once from its messages and kept from then on.
     */
    public MessageTree tree(ConversationDocument conversation) {
        if (conversation.nodes() != null) {
            return new MessageTree(conversation.nodes());
        }
        List<MessageNode> nodes = messages.findByConversationIdAndUserId(conversation.id(), conversation.userId(),
                MessageRepository.OLDEST_FIRST).stream().map(MessageTree::nodeOf).toList();
        conversations.adoptNodes(conversation, nodes);
        return new MessageTree(nodes);
    }

    /** The conversation's messages with these ids (one keyed read), in that order; other ids are left out. */
    public List<MessageDocument> read(ConversationDocument conversation, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, MessageDocument> found = new HashMap<>();
        for (MessageDocument message : messages.findAllById(ids)) {
            if (message.conversationId().equals(conversation.id()) && message.userId().equals(conversation.userId())) {
                found.put(message.id(), message);
            }
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
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

    public static ApiProblem notFound(String messageId) {
        return ApiProblem.notFound("Message " + messageId + " not found");
    }

    /** One page of the messages with these ids: only that page is read. */
    private PageResponse<MessageResponse> page(ConversationDocument conversation, MessageTree tree, List<String> ids,
            int page, int size) {
        var pageable = PageRequest.of(page, size);
        int from = (int) Math.min(pageable.getOffset(), ids.size());
        int to = Math.min(from + size, ids.size());
        List<MessageDocument> shown = read(conversation, ids.subList(from, to));
        return PageResponse.of(new PageImpl<>(shown, pageable, ids.size()),
                responses(conversation.userId(), tree, shown));
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
