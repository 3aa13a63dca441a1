package dev.parley.ingress.conversation;

import java.time.Instant;

record ConversationResponse(String id, String title, String model, Instant createdAt, Instant updatedAt) {

    static ConversationResponse of(ConversationDocument conversation) {
        return new ConversationResponse(conversation.id(), conversation.title(), conversation.model(),
                conversation.createdAt(), conversation.updatedAt());
    }
}
