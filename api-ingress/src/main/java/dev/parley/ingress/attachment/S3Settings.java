package dev.parley.ingress.attachment;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the S3-compatible store keeps attachments ({@code parley.attachments.s3}, used with {@code store: s3}).
 *
 * @param endpoint the service's URL; empty: AWS S3 of the region
 * @param region the signing region ({@code us-east-1} for most S3-compatible servers)
 * @param bucket an existing bucket
 * @param prefix put before every object key, so that one bucket can serve several deployments
 * @param accessKeyId with {@code secretAccessKey}; both empty: the SDK's default credentials (environment, instance
 *        profile)
 * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key}, as MinIO and most
 *        self-hosted servers want
 */
public record S3Settings(
        String endpoint,
        @DefaultValue("us-east-1") String region,
        String bucket,
        @DefaultValue("attachments/") String prefix,
        String accessKeyId,
        String secretAccessKey,
        @DefaultValue("true") boolean pathStyle) {

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                + ", accessKeyId=" + accessKeyId + ", secretAccessKey=<hidden>, pathStyle=" + pathStyle + "]";
    }
}
