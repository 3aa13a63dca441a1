package dev.parley.worker.provider;

import java.util.Base64;
import java.util.List;

/**
 * One message of the conversation sent to the model: its text, then its images (for vision models; empty for
 * the rest).
 */
public record PromptMessage(Role role, String content, List<Image> images) {

    public PromptMessage {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A text-only message. */
    public PromptMessage(Role role, String content) {
        this(role, content, List.of());
    }

    public enum Role {
        SYSTEM, USER, ASSISTANT;

        /** The role as OpenAI-style APIs spell it. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An image of a message: its bytes with their media type, or a URL the provider fetches itself.
     *
     * @param data the image; null when {@code url} is set
     */
    public record Image(String mediaType, byte[] data, String url) {

        /** Base64 of the bytes, as both OpenAI data URLs and Anthropic's base64 sources carry them. */
        public String base64() {
            return Base64.getEncoder().encodeToString(data);
        }

        /** OpenAI's {@code image_url.url}: a data URL of the bytes, or the URL as given. */
        public String dataUrlOrUrl() {
            return data != null ? "data:" + mediaType + ";base64," + base64() : url;
        }

        @Override
        public String toString() {
            // never print the bytes
            return "Image[" + mediaType + ", " + (data == null ? "url" : data.length + " bytes") + "]";
        }
    }
}
