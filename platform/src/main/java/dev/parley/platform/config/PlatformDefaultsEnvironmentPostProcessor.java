package dev.parley.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code parley-kafka.yml} as the lowest-precedence property source. Unlike
 * {@code spring.config.import}, whose values win over the importing file, this makes the shared Kafka and
 * serde settings defaults that a service's own application.yml, the environment or the command line can
 * override.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "parley-kafka.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var resource = new ClassPathResource(RESOURCE, getClass().getClassLoader());
        try {
            new YamlPropertySourceLoader().load("parley-platform-defaults", resource)
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
