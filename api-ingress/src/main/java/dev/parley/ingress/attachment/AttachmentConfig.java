package dev.parley.ingress.attachment;

import java.net.URI;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.parley.ingress.limit.CapProperties;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

@Configuration
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfig {

    @Bean
    AttachmentStore attachmentStore(AttachmentProperties properties, MongoTemplate mongo) {
        if ("s3".equals(properties.store())) {
            S3Settings s3 = properties.s3();
            if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
                throw new IllegalStateException("parley.attachments.s3.bucket (PARLEY_ATTACHMENT_S3_BUCKET) must be set "
                        + "for the s3 store");
            }
            return new S3Store(s3Client(s3), s3.bucket(), s3.prefix());
        }
        return new MongoChunkStore(mongo, (int) properties.chunkSize().toBytes());
    }

    /** Over the JDK's HTTP client; static keys when given, else the SDK's default chain (environment, profile). */
    static S3Client s3Client(S3Settings s3) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // the newer flexible checksums only where S3 requires them: many S3-compatible servers refuse them
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // a signed payload in one piece rather than aws-chunked (the bytes are in memory anyway)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        if (s3.accessKeyId() != null && !s3.accessKeyId().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())));
        }
        return builder.build();
    }

    @Bean
    StorageQuota storageQuota(AttachmentProperties properties, CapProperties caps, MongoTemplate mongo) {
        return new StorageQuota(mongo, properties.userQuota().toBytes(), caps.maxAttachmentsPerUser());
    }

    @Bean
    UploadInspector uploadInspector(AttachmentProperties properties) {
        return new UploadInspector(properties);
    }
}
