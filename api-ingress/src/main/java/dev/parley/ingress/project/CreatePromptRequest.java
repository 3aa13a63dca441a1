package dev.parley.ingress.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CreatePromptRequest(@NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = PromptService.MAX_CONTENT) String content) {
}
