package dev.parley.ingress.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import dev.parley.ingress.conversation.ConversationDeleted;
import dev.parley.ingress.conversation.ConversationDocument;
import dev.parley.ingress.conversation.ConversationService;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Files of a user's conversations: upload (checked, text extracted, image copy made, quota taken), list, read,
 * delete. Every read names the owner and the conversation, so someone else's file is a 404 like a missing one.
 */
@Service
class AttachmentService {

    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

    private final ConversationService conversations;
    private final MongoTemplate mongo;
    private final AttachmentStore store;
    private final StorageQuota quota;
    private final UploadInspector inspector;
    private final AttachmentProperties properties;
    private final Clock clock;

    AttachmentService(ConversationService conversations, MongoTemplate mongo, AttachmentStore store,
            StorageQuota quota, UploadInspector inspector, AttachmentProperties properties, Clock clock) {
        this.conversations = conversations;
        this.mongo = mongo;
        this.store = store;
        this.quota = quota;
        this.inspector = inspector;
        this.properties = properties;
        this.clock = clock;
    }

    AttachmentResponse upload(String userId, String conversationId, MultipartFile file) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        if (conversation.attachmentIds().size() >= properties.maxPerConversation()) {
            throw full(conversationId);
        }
        byte[] content = bytes(file);
        UploadInspector.Inspected inspected = inspector.inspect(content, FileNames.clean(file.getOriginalFilename()),
                file.getContentType());
        String id = new ObjectId().toHexString();
        byte[] text = inspected.text() == null ? new byte[0] : inspected.text().getBytes(StandardCharsets.UTF_8);
        byte[] model = inspected.modelImage() == content ? new byte[0] : inspected.modelImage();
        var attachment = new AttachmentDocument(id, userId, conversationId, inspected.name(), inspected.mediaType(),
                inspected.kind(), content.length, sha256(content), text.length,
                inspected.text() == null ? 0 : inspected.text().length(), inspected.textTruncated(),
                inspected.pages(), inspected.width(), inspected.height(), inspected.modelMediaType(),
                model == null ? 0 : model.length, content.length + text.length + (model == null ? 0 : model.length),
                clock.instant());
        quota.take(userId, attachment.storedBytes());
        try {
            store.write(attachment.original().key(), content);
            if (attachment.kind().hasText()) {
                store.write(attachment.text().key(), text);
            }
            if (attachment.modelSize() > 0) {
                store.write(attachment.modelImage().key(), model);
            }
            mongo.insert(attachment);
            if (!conversations.addAttachment(userId, conversationId, id, properties.maxPerConversation())) {
                throw full(conversationId);
            }
        } catch (RuntimeException e) {
            discard(attachment);
            throw e;
        }
        return AttachmentResponse.of(attachment);
    }

    List<AttachmentResponse> list(String userId, String conversationId) {
        ConversationDocument conversation = conversations.requireOwned(userId, conversationId);
        return find(userId, conversationId, conversation.attachmentIds()).stream().map(AttachmentResponse::of)
                .toList();
    }

    AttachmentResponse get(String userId, String conversationId, String attachmentId) {
        return AttachmentResponse.of(require(userId, conversationId, attachmentId));
    }

    /** The original file with its detected type and name. */
    Download download(String userId, String conversationId, String attachmentId) {
        AttachmentDocument attachment = require(userId, conversationId, attachmentId);
        byte[] content = store.read(attachment.original());
        if (content == null) {
            throw ApiProblem.notFound("Attachment " + attachmentId + " not found");
        }
        return new Download(attachment.name(), attachment.mediaType(), content);
    }

    void delete(String userId, String conversationId, String attachmentId) {
        AttachmentDocument attachment = mongo.findAndRemove(owned(userId, conversationId, List.of(attachmentId)),
                AttachmentDocument.class);
        if (attachment == null) {
            throw ApiProblem.notFound("Attachment " + attachmentId + " not found");
        }
        conversations.removeAttachment(userId, conversationId, attachmentId);
        store.deleteAll(attachment.objects());
        quota.release(userId, attachment.storedBytes(), 1);
    }

    /** A deleted conversation's files go with it. */
    @EventListener
    void on(ConversationDeleted deleted) {
        if (deleted.attachmentIds().isEmpty()) {
            return;
        }
        List<AttachmentDocument> attachments = find(deleted.userId(), deleted.conversationId(),
                deleted.attachmentIds());
        for (AttachmentDocument attachment : attachments) {
            discard(attachment);
        }
        log.info("Deleted {} attachments of conversation {}", attachments.size(), deleted.conversationId());
    }

    private void discard(AttachmentDocument attachment) {
        mongo.remove(Query.query(Criteria.where("_id").is(attachment.id())), AttachmentDocument.class);
        store.deleteAll(attachment.objects());
        quota.release(attachment.userId(), attachment.storedBytes(), 1);
    }

    private AttachmentDocument require(String userId, String conversationId, String attachmentId) {
        return find(userId, conversationId, List.of(attachmentId)).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Attachment " + attachmentId + " not found"));
    }

    /** Oldest first, as the conversation lists them. */
    List<AttachmentDocument> find(String userId, String conversationId, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<AttachmentDocument> found = mongo.find(owned(userId, conversationId, ids), AttachmentDocument.class);
        return ids.stream().flatMap(id -> found.stream().filter(attachment -> attachment.id().equals(id))).toList();
    }

    private static Query owned(String userId, String conversationId, List<String> ids) {
        return Query.query(Criteria.where("_id").in(ids).and("userId").is(userId).and("conversationId")
                .is(conversationId));
    }

    private byte[] bytes(MultipartFile file) {
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw tooLarge(file.getSize());
        }
        if (file.isEmpty()) {
            throw new ApiProblem(ProblemKind.ATTACHMENT_MALFORMED, "The file is empty");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new ApiProblem(ProblemKind.MALFORMED_REQUEST, "The upload could not be read", e);
        }
    }

    ApiProblem tooLarge(long size) {
        return new ApiProblem(ProblemKind.ATTACHMENT_TOO_LARGE, "Files may have at most "
                + properties.maxFileSize().toBytes() + " bytes" + (size > 0 ? "; this one has " + size : ""))
                .with("maxBytes", properties.maxFileSize().toBytes());
    }

    private ApiProblem full(String conversationId) {
        return ApiProblem.conflict("Conversation " + conversationId + " already holds "
                + properties.maxPerConversation() + " files; delete some first");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Download(String name, String mediaType, byte[] content) {
    }
}
