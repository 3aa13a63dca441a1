package dev.parley.ingress.project;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A prompt of a project: its current version's number and content; every version, the current one included, is a
 * document of its own in {@code prompt_versions}, so that this document stays small however often it is edited.
 *
 * @param currentVersion the newest version's number; versions count from 1
 * @param content the current version's content
 * @param versions only in prompts stored before versions had their own collection: every version inline
 */
@Document("prompts")
@CompoundIndex(name = "projectId_createdAt", def = "{'projectId': 1, 'createdAt': -1}")
record PromptDocument(
        @Id String id,
        String projectId,
        String userId,
        String name,
        int currentVersion,
        String content,
        List<PromptVersion> versions,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    String currentContent() {
        if (content != null) {
            return content;
        }
        PromptVersion legacy = legacyVersion(currentVersion);
        return legacy == null ? "" : legacy.content();
    }

    PromptVersion legacyVersion(int number) {
        return versions == null ? null
                : versions.stream().filter(version -> version.version() == number).findFirst().orElse(null);
    }
}
