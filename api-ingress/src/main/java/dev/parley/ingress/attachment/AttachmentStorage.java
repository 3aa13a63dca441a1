package dev.parley.ingress.attachment;

import org.springframework.stereotype.Component;

/** A user's attachment storage as their usage shows it: one read of their counter by id. */
@Component
public class AttachmentStorage {

    private final StorageQuota quota;

    AttachmentStorage(StorageQuota quota) {
        this.quota = quota;
    }

    /** @param quotaBytes what the user may keep stored at once */
    public record Usage(long files, long bytes, long quotaBytes) {
    }

    public Usage of(String userId) {
        StorageQuota.Usage used = quota.used(userId);
        return new Usage(used.files(), used.bytes(), used.quotaBytes());
    }
}
