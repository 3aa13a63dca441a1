package dev.parley.ingress.project;

import java.time.Instant;

record PromptVersionResponse(int version, String content, Instant createdAt) {

    static PromptVersionResponse of(PromptVersion version) {
        return new PromptVersionResponse(version.version(), version.content(), version.createdAt());
    }
}
