package dev.parley.ingress.attachment;

import java.util.Collection;
import java.util.Map;

/**
 * Where attachments' bytes live: the original files and what is derived from them (extracted text, the copy of
 * an image that models get). Metadata stays in MongoDB's {@code attachments}; a store only keeps bytes by key.
 * Implementations: {@link MongoChunkStore} (the service's own database, the default) and {@link S3Store} (an
 * S3-compatible bucket).
 */
interface AttachmentStore {

    /** Stores the bytes under the key, replacing what was there. */
    void write(String key, byte[] content);

    /** The bytes of each object, in as few round trips as the store allows; a missing object is left out. */
    Map<String, byte[]> readAll(Collection<StoredObject> objects);

    /** Removes the objects; missing ones are no error. */
    void deleteAll(Collection<StoredObject> objects);

    default byte[] read(StoredObject object) {
        return readAll(java.util.List.of(object)).get(object.key());
    }
}
