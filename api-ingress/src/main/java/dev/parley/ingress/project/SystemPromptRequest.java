package dev.parley.ingress.project;

import jakarta.validation.constraints.NotBlank;

/** @param promptId a prompt of the same project */
record SystemPromptRequest(@NotBlank String promptId) {
}
