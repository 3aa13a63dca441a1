package dev.parley.ingress.project;

/** The system prompt a project's conversation runs with right now: which prompt, which version, its text. */
public record SystemPrompt(String promptId, int version, String content) {
}
