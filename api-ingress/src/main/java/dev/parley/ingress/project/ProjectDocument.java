package dev.parley.ingress.project;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's project (an "agent"): a name and the prompt its conversations run with.
 *
 * @param systemPromptId the project's prompt that leads every conversation's context; null: none
 * @param deletedAt soft delete; a deleted project and its prompts answer 404
 * @param promptCount its live prompts, kept by conditional {@code $inc} to enforce the cap (prompts stored before
 *        the count existed are not in it)
 */
@Document("projects")
@CompoundIndex(name = "userId_createdAt", def = "{'userId': 1, 'createdAt': -1}")
record ProjectDocument(
        @Id String id,
        String userId,
        String name,
        String description,
        String systemPromptId,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        Integer promptCount) {
}
