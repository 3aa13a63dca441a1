package dev.parley.ingress.limit;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much one user may store, so that nobody can grow a document, a list or the database without bound.
 *
 * @param maxProjects live projects per user
 * @param maxConversations live conversations per user
 * @param maxPromptsPerProject live prompts per project
 * @param maxPromptVersions versions per prompt (each up to 32 000 characters)
 * @param maxMessagesPerConversation stored messages per conversation, of every branch
 * @param maxAttachmentsPerUser files one user may keep as attachments, counted on the user's attachment storage
 *        counter (the same conditional update that takes the bytes)
 */
@Validated
@ConfigurationProperties("parley.caps")
public record CapProperties(
        @DefaultValue("100") @Min(1) int maxProjects,
        @DefaultValue("10000") @Min(1) int maxConversations,
        @DefaultValue("100") @Min(1) int maxPromptsPerProject,
        @DefaultValue("100") @Min(1) int maxPromptVersions,
        @DefaultValue("2000") @Min(2) int maxMessagesPerConversation,
        @DefaultValue("1000") @Min(1) int maxAttachmentsPerUser) {
}
