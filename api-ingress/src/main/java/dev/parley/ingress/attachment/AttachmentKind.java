package dev.parley.ingress.attachment;

/** What a model gets of a file: its text (text, Markdown, CSV, PDF) or the image itself. */
public enum AttachmentKind {
    TEXT, PDF, IMAGE;

    boolean hasText() {
        return this != IMAGE;
    }
}
