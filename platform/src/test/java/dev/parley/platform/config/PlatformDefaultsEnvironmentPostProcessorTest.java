package dev.parley.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsEnvironmentPostProcessorTest {

    @Test
    void sharedKafkaSettingsAreDefaultsThatAServiceCanOverride() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.kafka.consumer.auto-offset-reset", "latest")));

        new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("latest");
        assertThat(environment.getProperty("spring.kafka.producer.value-serializer"))
                .isEqualTo("io.apicurio.registry.serde.avro.AvroKafkaSerializer");
        assertThat(environment.getProperty("spring.kafka.properties.apicurio.registry.use-id")).isEqualTo("contentId");
    }

    @Test
    void theEmbeddedStackSpeaksPlaintextAndComposeSpeaksScramAsTheServicesOwnUser() {
        var embedded = kafkaProperties(Map.of());
        var compose = kafkaProperties(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_USERNAME", "llm-worker", "KAFKA_PASSWORD", "0a1b2c"));

        assertThat(embedded.buildProducerProperties()).containsEntry("security.protocol", "PLAINTEXT");
        for (Map<String, Object> client : List.of(compose.buildProducerProperties(), compose.buildConsumerProperties(),
                compose.buildAdminProperties())) {
            assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                            + "required username=\"llm-worker\" password=\"0a1b2c\";");
        }
        // what the clients accept: the JAAS line parses, and a producer configuration with it is valid
        var producer = new ProducerConfig(compose.buildProducerProperties());
        assertThat(producer.getString("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(JaasContext.loadClientContext(producer.values()).configurationEntries())
                .singleElement().satisfies(entry -> assertThat(new HashMap<String, Object>(entry.getOptions()))
                        .containsEntry("username", "llm-worker").containsEntry("password", "0a1b2c"));
    }

    private static KafkaProperties kafkaProperties(Map<String, Object> env) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", env));
        new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
    }
}
