package dev.parley.ingress.conversation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's conversation.
 *
 * @param model default model of its messages; null means the catalog default
 * @param deleted soft-deleted conversations are invisible, as if they did not exist (an admin can restore them)
 * @param temperature default temperature of its messages; null means the provider's default
 * @param currentLeafId the last message of the branch the thread shows and continues; null means the newest
 *        message (conversations from before branches)
 * @param projectId the project whose system prompt the conversation runs with; null: none
 * @param nodes the tree of its messages, oldest first ({@link MessageNode}); null in conversations stored before
 *        it was kept, which get it from their messages on first use
 * @param attachmentIds the files uploaded to it, oldest first (appended by the upload, removed by their deletion), so
 *        that listing and deleting them are reads by {@code _id}
 */
@Document("conversations")
@CompoundIndex(name = "userId_updatedAt", def = "{'userId': 1, 'updatedAt': -1}")
public record ConversationDocument(
        @Id String id,
        String userId,
        String title,
        String model,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt,
        Double temperature,
        String currentLeafId,
        String projectId,
        List<MessageNode> nodes,
        List<String> attachmentIds) {

    static final String NODES = "nodes";
    static final String ATTACHMENT_IDS = "attachmentIds";

    public ConversationDocument {
        attachmentIds = attachmentIds == null ? List.of() : attachmentIds;
    }

    public ConversationDocument(String id, String userId, String title, String model, boolean deleted,
            Instant createdAt, Instant updatedAt, Double temperature, String currentLeafId, String projectId,
            List<MessageNode> nodes) {
        this(id, userId, title, model, deleted, createdAt, updatedAt, temperature, currentLeafId, projectId, nodes,
                List.of());
    }

    public ConversationDocument(String id, String userId, String title, String model, boolean deleted,
            Instant createdAt, Instant updatedAt, Double temperature, String currentLeafId, String projectId) {
        this(id, userId, title, model, deleted, createdAt, updatedAt, temperature, currentLeafId, projectId,
                List.of());
    }

    public ConversationDocument(String id, String userId, String title, String model, boolean deleted,
            Instant createdAt, Instant updatedAt) {
        this(id, userId, title, model, deleted, createdAt, updatedAt, null, null, null);
    }
}
