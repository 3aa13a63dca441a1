package dev.parley.ingress.project;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One immutable version of a prompt, keyed by {@code <promptId>:<version, 6 digits>} so that one version, or a page
 * of them, is read by id alone.
 */
@Document("prompt_versions")
record PromptVersionDocument(@Id String id, String promptId, String userId, int version, String content,
        Instant createdAt) {

    static String id(String promptId, int version) {
        return promptId + ":" + String.format("%06d", version);
    }

    PromptVersion toVersion() {
        return new PromptVersion(version, content, createdAt);
    }
}
