package dev.parley.ingress.attachment;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.ReplaceOptions;

/**
 * Attachments in the service's own MongoDB, cut into chunks whose {@code _id} is {@code <key>:<n>}. GridFS was
 * not used: it finds a file's chunks by {@code files_id}, a secondary index, which the embedded MongoDB
 * (mongo-java-server) ignores, so every read would scan every chunk ever stored. Here the object's size (kept in its
 * metadata) names every chunk, so reads and deletes are {@code _id $in} lookups in one command.
 */
final class MongoChunkStore implements AttachmentStore {

    static final String COLLECTION = "attachment_chunks";

    private final MongoTemplate mongo;
    private final int chunkSize;

    MongoChunkStore(MongoTemplate mongo, int chunkSize) {
        this.mongo = mongo;
        this.chunkSize = chunkSize;
    }

    @Override
    public void write(String key, byte[] content) {
        var collection = mongo.getCollection(COLLECTION);
        int chunks = chunks(content.length);
        for (int n = 0; n < chunks; n++) {
            int from = n * chunkSize;
            byte[] data = java.util.Arrays.copyOfRange(content, from, Math.min(content.length, from + chunkSize));
            Document chunk = new Document("_id", id(key, n)).append("data", new Binary(data));
            collection.replaceOne(new Document("_id", chunk.get("_id")), chunk, new ReplaceOptions().upsert(true));
        }
    }

    @Override
    public Map<String, byte[]> readAll(Collection<StoredObject> objects) {
        List<String> ids = new ArrayList<>();
        objects.forEach(object -> ids.addAll(ids(object)));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> chunks = new HashMap<>();
        for (Document chunk : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)) {
            chunks.put(chunk.getString("_id"), chunk.get("data", Binary.class).getData());
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (StoredObject object : objects) {
            byte[] content = assemble(object, chunks);
            if (content != null) {
                contents.put(object.key(), content);
            }
        }
        return contents;
    }

    @Override
    public void deleteAll(Collection<StoredObject> objects) {
        List<String> ids = new ArrayList<>();
        objects.forEach(object -> ids.addAll(ids(object)));
        if (!ids.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(ids)), COLLECTION);
        }
    }

    /** The object's bytes, or null when a chunk is missing (a partly written or deleted object). */
    private byte[] assemble(StoredObject object, Map<String, byte[]> chunks) {
        var content = new ByteArrayOutputStream((int) object.size());
        for (String id : ids(object)) {
            byte[] data = chunks.get(id);
            if (data == null) {
                return null;
            }
            content.writeBytes(data);
        }
        return content.size() == object.size() ? content.toByteArray() : null;
    }

    private List<String> ids(StoredObject object) {
        int chunks = chunks(object.size());
        List<String> ids = new ArrayList<>(chunks);
        for (int n = 0; n < chunks; n++) {
            ids.add(id(object.key(), n));
        }
        return ids;
    }

    /** An empty object still has one (empty) chunk, so that it exists. */
    private int chunks(long size) {
        return (int) Math.max(1, Math.ceilDiv(size, chunkSize));
    }

    static String id(String key, int n) {
        return key + ":" + n;
    }
}
