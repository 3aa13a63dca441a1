package dev.parley.ingress.attachment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfig {

    @Bean
    AttachmentStore attachmentStore(AttachmentProperties properties, MongoTemplate mongo) {
        if (!"mongo".equals(properties.store())) {
            throw new IllegalStateException("parley.attachments.store must be 'mongo' (the only store built in), not '"
                    + properties.store() + "'");
        }
        return new MongoChunkStore(mongo, (int) properties.chunkSize().toBytes());
    }

    @Bean
    StorageQuota storageQuota(AttachmentProperties properties, MongoTemplate mongo) {
        return new StorageQuota(mongo, properties.userQuota().toBytes());
    }

    @Bean
    UploadInspector uploadInspector(AttachmentProperties properties) {
        return new UploadInspector(properties);
    }
}
