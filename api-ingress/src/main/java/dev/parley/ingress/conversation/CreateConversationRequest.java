package dev.parley.ingress.conversation;

import jakarta.validation.constraints.Size;

/** Both fields are optional: an untitled conversation on the catalog's default model is fine. */
record CreateConversationRequest(@Size(max = 200) String title, @Size(max = 200) String model) {
}
