package dev.parley.ingress.project;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A prompt of a project with every version in the one document, so that a new version is a single conditional
 * update (the store has no transactions).
 *
 * @param currentVersion the newest version's number; versions count from 1
 */
@Document("prompts")
@CompoundIndex(name = "projectId_createdAt", def = "{'projectId': 1, 'createdAt': -1}")
record PromptDocument(
        @Id String id,
        String projectId,
        String userId,
        String name,
        int currentVersion,
        List<PromptVersion> versions,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    PromptVersion current() {
        return version(currentVersion);
    }

    PromptVersion version(int number) {
        return versions.stream().filter(version -> version.version() == number).findFirst().orElse(null);
    }
}
