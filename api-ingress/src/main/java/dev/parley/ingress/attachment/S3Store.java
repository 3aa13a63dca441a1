package dev.parley.ingress.attachment;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Attachments in an S3-compatible bucket, one object per key. Reads are one GET per object (S3 has no batch read);
 * deletes go in batches of 1000, the most one {@code DeleteObjects} takes. Missing objects are left out or ignored,
 * as {@link AttachmentStore} says.
 */
final class S3Store implements AttachmentStore {

    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3Store(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public void write(String key, byte[] content) {
        s3.putObject(request -> request.bucket(bucket).key(prefix + key).contentLength((long) content.length),
                RequestBody.fromBytes(content));
    }

    @Override
    public Map<String, byte[]> readAll(Collection<StoredObject> objects) {
        Map<String, byte[]> found = new HashMap<>();
        for (StoredObject object : objects) {
            try {
                found.put(object.key(), s3.getObjectAsBytes(request -> request.bucket(bucket)
                        .key(prefix + object.key())).asByteArray());
            } catch (NoSuchKeyException missing) {
                // left out, as for the other stores
            }
        }
        return found;
    }

    @Override
    public void deleteAll(Collection<StoredObject> objects) {
        List<ObjectIdentifier> keys = objects.stream()
                .map(object -> ObjectIdentifier.builder().key(prefix + object.key()).build()).toList();
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH));
            s3.deleteObjects(request -> request.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true)
                    .build()));
        }
    }
}
