package dev.parley.ingress.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * @param currentLeafId the last message of the branch the thread shows; null before the first message
 * @param projectId the project it belongs to; null: none
 * @param message its first message as posting it answered, when it was created with one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConversationResponse(String id, String title, String model, Double temperature, String currentLeafId,
        Instant createdAt, Instant updatedAt, String projectId, Object message) {

    ConversationResponse(String id, String title, String model, Double temperature, String currentLeafId,
            Instant createdAt, Instant updatedAt, String projectId) {
        this(id, title, model, temperature, currentLeafId, createdAt, updatedAt, projectId, null);
    }

    ConversationResponse withMessage(Object posted) {
        return new ConversationResponse(id, title, model, temperature, currentLeafId, createdAt, updatedAt, projectId,
                posted);
    }

    ConversationResponse(String id, String title, String model, Double temperature, String currentLeafId,
            Instant createdAt, Instant updatedAt) {
        this(id, title, model, temperature, currentLeafId, createdAt, updatedAt, null);
    }

    ConversationResponse(String id, String title, String model, Instant createdAt, Instant updatedAt) {
        this(id, title, model, null, null, createdAt, updatedAt);
    }

    static ConversationResponse of(ConversationDocument conversation) {
        return new ConversationResponse(conversation.id(), conversation.title(), conversation.model(),
                conversation.temperature(), conversation.currentLeafId(), conversation.createdAt(),
                conversation.updatedAt(), conversation.projectId());
    }
}
