package dev.parley.ingress.project;

import java.time.Instant;

/** A prompt with its current version's content. */
record PromptResponse(String id, String projectId, String name, int currentVersion, String content,
        Instant createdAt, Instant updatedAt) {

    static PromptResponse of(PromptDocument prompt) {
        return new PromptResponse(prompt.id(), prompt.projectId(), prompt.name(), prompt.currentVersion(),
                prompt.currentContent(), prompt.createdAt(), prompt.updatedAt());
    }
}
