package dev.parley.ingress.attachment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A file uploaded to a conversation. Its bytes are in the {@link AttachmentStore}: the original under the id, the
 * extracted text under {@code <id>.txt}, the copy of an image that models get under {@code <id>.model}. It is always
 * read by {@code _id} together with its owner and conversation.
 *
 * @param mediaType the type detected from the content (never the one the client declared)
 * @param textSize bytes (UTF-8) of the extracted text; 0 for images
 * @param textTruncated the file had more text than {@code parley.attachments.max-text-chars}
 * @param pages a PDF's pages
 * @param modelMediaType and {@code modelSize}: the copy of an image sent to models; size 0 when that is the original
 * @param storedBytes everything stored for the file, as counted against the owner's quota
 */
@Document("attachments")
record AttachmentDocument(
        @Id String id,
        String userId,
        String conversationId,
        String name,
        String mediaType,
        AttachmentKind kind,
        long size,
        String sha256,
        long textSize,
        int textChars,
        boolean textTruncated,
        Integer pages,
        Integer width,
        Integer height,
        String modelMediaType,
        long modelSize,
        long storedBytes,
        Instant createdAt) {

    StoredObject original() {
        return new StoredObject(id, size);
    }

    StoredObject text() {
        return new StoredObject(id + ".txt", textSize);
    }

    /** The copy of an image that models get; the original itself when it was small enough (no copy stored). */
    StoredObject modelImage() {
        return modelSize == 0 ? original() : new StoredObject(id + ".model", modelSize);
    }

    java.util.List<StoredObject> objects() {
        var objects = new java.util.ArrayList<StoredObject>();
        objects.add(original());
        if (kind.hasText()) {
            objects.add(text());
        }
        if (kind == AttachmentKind.IMAGE && modelSize > 0) {
            objects.add(modelImage());
        }
        return objects;
    }

    AttachmentRef ref() {
        return new AttachmentRef(id, name, mediaType, size, kind);
    }
}
