package dev.parley.ingress.attachment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file as its owner sees it.
 *
 * @param mediaType detected from the content
 * @param textChars characters of text a model gets (text and PDF)
 * @param textTruncated the file had more text than a model gets
 * @param storedBytes what the file counts against the storage quota (the original plus derived text or image)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AttachmentResponse(String id, String conversationId, String name, String mediaType, AttachmentKind kind,
        long size, String sha256, Integer textChars, Boolean textTruncated, Integer pages, Integer width,
        Integer height, long storedBytes, Instant createdAt, String contentUrl) {

    static AttachmentResponse of(AttachmentDocument attachment) {
        boolean text = attachment.kind().hasText();
        return new AttachmentResponse(attachment.id(), attachment.conversationId(), attachment.name(),
                attachment.mediaType(), attachment.kind(), attachment.size(), attachment.sha256(),
                text ? attachment.textChars() : null, text ? attachment.textTruncated() : null, attachment.pages(),
                attachment.width(), attachment.height(), attachment.storedBytes(), attachment.createdAt(),
                "/api/conversations/" + attachment.conversationId() + "/attachments/" + attachment.id() + "/content");
    }
}
