package dev.parley.ingress.admin;

import java.time.Instant;

import dev.parley.ingress.conversation.ConversationDocument;

record AdminConversationResponse(String id, String userId, String title, String model, boolean deleted,
        Instant createdAt, Instant updatedAt) {

    static AdminConversationResponse of(ConversationDocument conversation) {
        return new AdminConversationResponse(conversation.id(), conversation.userId(), conversation.title(),
                conversation.model(), conversation.deleted(), conversation.createdAt(), conversation.updatedAt());
    }
}
