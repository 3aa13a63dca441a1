package dev.parley.ingress.project;

import java.time.Instant;

record ProjectResponse(String id, String name, String description, String systemPromptId, Instant createdAt,
        Instant updatedAt) {

    static ProjectResponse of(ProjectDocument project) {
        return new ProjectResponse(project.id(), project.name(), project.description(), project.systemPromptId(),
                project.createdAt(), project.updatedAt());
    }
}
