package dev.parley.ingress.project;

import java.time.Instant;

/** One immutable version of a prompt's content. */
record PromptVersion(int version, String content, Instant createdAt) {
}
