package dev.parley.ingress.keyring;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key rings are parsed at startup, so that a missing or malformed ring stops the service. */
@Configuration
@EnableConfigurationProperties(KeyRingProperties.class)
class KeyRingConfig {

    @Bean
    KeyRings keyRings(KeyRingProperties properties) {
        return KeyRings.of(properties.keyEncryptionKeys(), properties.transportKeys());
    }
}
