package dev.parley.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
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
}
