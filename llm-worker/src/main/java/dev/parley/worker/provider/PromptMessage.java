package dev.parley.worker.provider;

/** One message of the conversation sent to the model. */
public record PromptMessage(Role role, String content) {

    public enum Role {
        SYSTEM, USER, ASSISTANT;

        /** The role as OpenAI-style APIs spell it. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
