package dev.parley.testing;

import java.util.Locale;

/**
 * Which real infrastructure the integration tests run against, chosen by the system property
 * {@value #PROPERTY} (the Maven profile {@code containers} sets it; Failsafe passes it on).
 */
public enum InfrastructureMode {

    /** Kafka, Apicurio Registry and mongo-java-server of the embedded stack, on this machine without Docker. */
    EMBEDDED,
    /** The images docker-compose.yml runs (Kafka, Apicurio Registry, a real MongoDB), through Testcontainers. */
    CONTAINERS;

    public static final String PROPERTY = "parley.test.infrastructure";

    public static InfrastructureMode current() {
        String value = System.getProperty(PROPERTY, "embedded").trim();
        try {
            return value.isEmpty() ? EMBEDDED : valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + "=" + value + ": use embedded or containers", e);
        }
    }
}
