package dev.parley.ingress.project;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Absent fields stay as they are; a content makes a new version, even when it repeats the current one. */
record UpdatePromptRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(min = 1, max = PromptService.MAX_CONTENT) @Pattern(regexp = "(?s).*\\S.*",
                message = "must not be blank") String content) {
}
