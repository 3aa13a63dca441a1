package dev.parley.ingress.conversation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Every field is optional: an untitled conversation on the catalog's default model is fine.
 *
 * @param projectId one of my projects, whose system prompt the conversation runs with
 * @param message posted as the conversation's first message in the same call
 */
record CreateConversationRequest(@Size(max = 200) String title, @Size(max = 200) String model,
        @Size(max = 100) String projectId, @Valid FirstMessage message) {

    CreateConversationRequest(String title, String model) {
        this(title, model, null, null);
    }

    CreateConversationRequest(String title, String model, String projectId) {
        this(title, model, projectId, null);
    }
}
