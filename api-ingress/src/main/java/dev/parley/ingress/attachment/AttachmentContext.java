package dev.parley.ingress.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.parley.events.ContentPart;
import dev.parley.events.ContentPartKind;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * The files of a request's messages as the model gets them, for a message being posted. Costs nothing when no
 * message of the branch has files; otherwise one read of their metadata by {@code _id $in} and one read of the
 * needed bytes (texts, image copies) from the store. What is read is bounded whatever the conversation's size: the
 * new message's files, then the history's newest first while their text fits {@code maxHistoryChars} and images
 * fit {@code max-images-per-request}; the rest is named in a note instead.
 */
@Component
public class AttachmentContext {

    private final MongoTemplate mongo;
    private final AttachmentStore store;
    private final AttachmentProperties properties;

    AttachmentContext(MongoTemplate mongo, AttachmentStore store, AttachmentProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.properties = properties;
    }

    /**
     * @param newRefs the new message's files (as {@link #refs} checked them)
     * @param newMessage what they add to the new message
     * @param history what the files of earlier messages add, by message id
     */
    public record Files(List<AttachmentRef> newRefs, Attached newMessage, Map<String, Attached> history) {

        public static final Files NONE = new Files(List.of(), Attached.NONE, Map.of());
    }

    /**
     * @param newIds the files the new message names: the user's, in this conversation (else 404)
     * @param history the files of the branch's earlier messages, by message id, oldest message first
     * @param vision whether the model takes images
     * @param maxHistoryChars the most text of earlier messages' files to send
     */
    public Files resolve(String userId, String conversationId, List<String> newIds,
            SequencedMap<String, List<AttachmentRef>> history, boolean vision, long maxHistoryChars) {
        Set<String> wanted = new LinkedHashSet<>(newIds);
        if (wanted.size() > properties.maxPerMessage()) {
            throw ApiProblem.validation("attachmentIds", "at most " + properties.maxPerMessage() + " files");
        }
        history.values().forEach(refs -> refs.forEach(ref -> wanted.add(ref.id())));
        if (wanted.isEmpty()) {
            return Files.NONE;
        }
        Map<String, AttachmentDocument> found = read(userId, conversationId, wanted);
        List<AttachmentDocument> added = newFiles(newIds, found, vision);
        Selection selection = select(added, history, found, vision, maxHistoryChars);
        Map<String, byte[]> bytes = selection.objects().isEmpty() ? Map.of() : store.readAll(selection.objects());
        Map<String, Attached> attachedHistory = new HashMap<>();
        history.forEach((messageId, refs) -> attachedHistory.put(messageId,
                attach(refs, found, selection, bytes)));
        return new Files(added.stream().map(AttachmentDocument::ref).toList(),
                attach(added.stream().map(AttachmentDocument::ref).toList(), found, selection, bytes),
                attachedHistory);
    }

    /**
     * The files a message names, checked to be the user's and in this conversation (else 404), for a message stored
     * without an answer: one read of their metadata, none of their bytes.
     */
    public List<AttachmentRef> refs(String userId, String conversationId, List<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        if (wanted.size() > properties.maxPerMessage()) {
            throw ApiProblem.validation("attachmentIds", "at most " + properties.maxPerMessage() + " files");
        }
        Map<String, AttachmentDocument> found = read(userId, conversationId, wanted);
        return wanted.stream().map(id -> {
            AttachmentDocument attachment = found.get(id);
            if (attachment == null) {
                throw ApiProblem.notFound("Attachment " + id + " not found");
            }
            return attachment.ref();
        }).toList();
    }

    private List<AttachmentDocument> newFiles(List<String> newIds, Map<String, AttachmentDocument> found,
            boolean vision) {
        List<AttachmentDocument> added = new ArrayList<>();
        for (String id : new LinkedHashSet<>(newIds)) {
            AttachmentDocument attachment = found.get(id);
            if (attachment == null) {
                throw ApiProblem.notFound("Attachment " + id + " not found");
            }
            added.add(attachment);
        }
        long images = added.stream().filter(attachment -> attachment.kind() == AttachmentKind.IMAGE).count();
        if (images > 0 && !vision) {
            throw new ApiProblem(ProblemKind.MODEL_TAKES_NO_IMAGES, "The model takes no images; choose one whose "
                    + "catalog entry has \"vision\": true, or leave the images out");
        }
        if (images > properties.maxImagesPerRequest()) {
            throw ApiProblem.validation("attachmentIds", "at most " + properties.maxImagesPerRequest()
                    + " images per message");
        }
        return added;
    }

    /** Which stored objects to read: every file of the new message, then the history's newest first. */
    private Selection select(List<AttachmentDocument> added, SequencedMap<String, List<AttachmentRef>> history,
            Map<String, AttachmentDocument> found, boolean vision, long maxHistoryChars) {
        Selection selection = new Selection();
        added.forEach(attachment -> selection.take(attachment));
        int imageSlots = properties.maxImagesPerRequest() - (int) added.stream()
                .filter(attachment -> attachment.kind() == AttachmentKind.IMAGE).count();
        long chars = maxHistoryChars;
        for (List<AttachmentRef> refs : history.reversed().values()) {
            for (AttachmentRef ref : refs.reversed()) {
                AttachmentDocument attachment = found.get(ref.id());
                if (attachment == null) {
                    continue;
                }
                if (attachment.kind() == AttachmentKind.IMAGE ? vision && imageSlots-- > 0
                        : (chars -= attachment.textChars()) >= 0) {
                    selection.take(attachment);
                }
            }
        }
        return selection;
    }

    private static Attached attach(List<AttachmentRef> refs, Map<String, AttachmentDocument> found,
            Selection selection, Map<String, byte[]> bytes) {
        if (refs.isEmpty()) {
            return Attached.NONE;
        }
        StringBuilder appendix = new StringBuilder();
        List<ContentPart> images = new ArrayList<>();
        for (AttachmentRef ref : refs) {
            AttachmentDocument attachment = found.get(ref.id());
            byte[] content = attachment == null || !selection.taken(attachment) ? null
                    : bytes.get(attachment.kind() == AttachmentKind.IMAGE ? attachment.modelImage().key()
                            : attachment.text().key());
            if (content == null) {
                appendix.append("\n\n[file \"").append(ref.name()).append("\" (").append(ref.mediaType())
                        .append(attachment == null ? ") was deleted]" : ") is not repeated in this request]");
            } else if (attachment.kind() == AttachmentKind.IMAGE) {
                images.add(ContentPart.newBuilder().setKind(ContentPartKind.IMAGE)
                        .setMediaType(attachment.modelMediaType()).setData(ByteBuffer.wrap(content)).build());
                appendix.append("\n\n[image \"").append(ref.name()).append("\" attached]");
            } else {
                appendix.append("\n\n<file name=\"").append(ref.name()).append("\" type=\"")
                        .append(ref.mediaType()).append("\">\n").append(new String(content, StandardCharsets.UTF_8))
                        .append(attachment.textTruncated() ? "\n[the file goes on; only its beginning is shown]" : "")
                        .append("\n</file>");
            }
        }
        return new Attached(appendix.toString(), images);
    }

    private Map<String, AttachmentDocument> read(String userId, String conversationId, Set<String> ids) {
        Map<String, AttachmentDocument> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids).and("userId").is(userId).and("conversationId")
                .is(conversationId)), AttachmentDocument.class).forEach(attachment -> found.put(attachment.id(),
                        attachment));
        return found;
    }

    /** The files whose text or image copy is read for this request. */
    private static final class Selection {

        private final Set<String> taken = new LinkedHashSet<>();
        private final List<StoredObject> objects = new ArrayList<>();

        void take(AttachmentDocument attachment) {
            if (taken.add(attachment.id())) {
                objects.add(attachment.kind() == AttachmentKind.IMAGE ? attachment.modelImage() : attachment.text());
            }
        }

        boolean taken(AttachmentDocument attachment) {
            return taken.contains(attachment.id());
        }

        List<StoredObject> objects() {
            return objects;
        }
    }
}
