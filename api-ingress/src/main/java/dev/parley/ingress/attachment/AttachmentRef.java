package dev.parley.ingress.attachment;

/** A file as a message names it: enough to list it without reading the attachment. */
public record AttachmentRef(String id, String name, String mediaType, long size, AttachmentKind kind) {
}
