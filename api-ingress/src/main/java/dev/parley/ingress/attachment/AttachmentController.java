package dev.parley.ingress.attachment;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/conversations/{conversationId}/attachments")
@Tag(name = "Attachments")
class AttachmentController {

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file", description = "Multipart with the part `file`. Text, Markdown, CSV, PDF "
            + "(their text goes to the model) and PNG, JPEG, GIF (for models that take images), detected from the "
            + "content. Then name its `id` in a message's `attachmentIds`. Refused with a problem: "
            + "`attachment-too-large` (413), `attachment-type-unsupported` (415), `attachment-type-mismatch`, "
            + "`attachment-malformed`, `attachment-expands-too-much` (400), `storage-quota-exceeded` (409).")
    AttachmentResponse upload(Authentication user, @PathVariable String conversationId,
            @RequestPart("file") MultipartFile file) {
        return attachments.upload(user.getName(), conversationId, file);
    }

    @GetMapping
    @Operation(summary = "A conversation's files, oldest first")
    List<AttachmentResponse> list(Authentication user, @PathVariable String conversationId) {
        return attachments.list(user.getName(), conversationId);
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "One file's details")
    AttachmentResponse get(Authentication user, @PathVariable String conversationId,
            @PathVariable String attachmentId) {
        return attachments.get(user.getName(), conversationId, attachmentId);
    }

    @GetMapping("/{attachmentId}/content")
    @Operation(summary = "Download a file", description = "The original bytes, as a download (never shown inline).")
    ResponseEntity<byte[]> content(Authentication user, @PathVariable String conversationId,
            @PathVariable String attachmentId) {
        AttachmentService.Download download = attachments.download(user.getName(), conversationId, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(download.content());
    }

    @DeleteMapping("/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a file", description = "Messages that named it keep its name; models no longer get it.")
    void delete(Authentication user, @PathVariable String conversationId, @PathVariable String attachmentId) {
        attachments.delete(user.getName(), conversationId, attachmentId);
    }
}
