package dev.parley.ingress.attachment;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.parley.ingress.limit.Caps;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Each user's stored attachment bytes and files, one counter document per user ({@code attachment_usage},
 * {@code _id} = userId): taking space is one conditional {@code $inc} that matches only while the quota still has
 * room, so concurrent uploads cannot pass it together; nothing ever counts by query.
 */
final class StorageQuota {

    static final String COLLECTION = "attachment_usage";

    private final MongoTemplate mongo;
    private final long quotaBytes;
    private final int maxFiles;

    /** @param maxFiles files one user may keep ({@code parley.caps.max-attachments-per-user}) */
    StorageQuota(MongoTemplate mongo, long quotaBytes, int maxFiles) {
        this.mongo = mongo;
        this.quotaBytes = quotaBytes;
        this.maxFiles = maxFiles;
    }

    /** Takes {@code bytes} of the user's quota for one file, or refuses with a 409 problem. */
    void take(String userId, long bytes) {
        Query room = Query.query(Criteria.where("_id").is(userId).and("bytes").lte(quotaBytes - bytes)
                .and("files").lt(maxFiles));
        Update update = new Update().inc("bytes", bytes).inc("files", 1);
        if (bytes <= quotaBytes) {
            try {
                // upsert: a first upload creates the counter; when the counter exists but has no room, the upsert's
                // insert collides with it on _id, which is the refusal
                if (mongo.findAndModify(room, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION) != null) {
                    return;
                }
            } catch (DuplicateKeyException full) {
                // no room: refused below
            }
        }
        Usage usage = used(userId);
        if (usage.files() >= maxFiles) {
            throw Caps.reached("attachments", maxFiles);
        }
        throw new ApiProblem(ProblemKind.STORAGE_QUOTA_EXCEEDED, "This file needs " + bytes + " bytes; "
                + (quotaBytes - usage.bytes()) + " of your " + quotaBytes + " bytes of attachment storage are left")
                .with("quotaBytes", quotaBytes).with("usedBytes", usage.bytes());
    }

    /** Gives back what a deleted (or not stored) file took. */
    void release(String userId, long bytes, int files) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)), new Update().inc("bytes", -bytes)
                .inc("files", -files), COLLECTION);
    }

    Usage used(String userId) {
        Document counter = mongo.findById(userId, Document.class, COLLECTION);
        return counter == null ? new Usage(0, 0, quotaBytes)
                : new Usage(number(counter, "bytes"), number(counter, "files"), quotaBytes);
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** A user's attachment storage: bytes and files kept, and the quota. */
    record Usage(long bytes, long files, long quotaBytes) {
    }
}
