package dev.parley.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The Apicurio serde settings of the services (platform's {@code parley-kafka.yml}) for a test's own producers and
 * consumers. Apicurio's default client waits for a registry answer without a deadline: a test client built with it
 * once waited out a whole 30-s Awaitility timeout inside a single {@code poll} while the services, configured like
 * this, went on. With the services' resolver every registry call ends within {@link #TIMEOUT_MS} and is retried on
 * a fresh connection, as in production.
 */
public final class TestSerdes {

    /** Every registry call ends within this time; a failed lookup is retried twice by Apicurio itself. */
    static final int TIMEOUT_MS = 10_000;

    /** Platform's bounded resolver, named rather than referenced: test-support sits below platform. */
    static final String BOUNDED_RESOLVER = "dev.parley.platform.registry.BoundedSchemaResolver";

    /** What the bounded resolver throws when the registry did not answer in time: a transient failure. */
    static final String REGISTRY_UNAVAILABLE = "dev.parley.platform.registry.SchemaRegistryUnavailableException";

    private TestSerdes() {
    }

    /** Settings for an {@code AvroKafkaSerializer} or {@code AvroKafkaDeserializer} reading generated classes. */
    public static Map<String, Object> config(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", registryUrl);
        config.put("apicurio.registry.auto-register", true);
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler");
        config.put("apicurio.registry.use-specific-avro-reader", true);
        config.put("apicurio.registry.schema-resolver", BOUNDED_RESOLVER);
        config.put("parley.registry.timeout-ms", TIMEOUT_MS);
        // content ids never change meaning: one lookup per id for the life of the client
        config.put("apicurio.registry.check-period-ms", 315_360_000_000L);
        config.put("apicurio.registry.retry-count", 2);
        config.put("apicurio.registry.retry-backoff-ms", 500);
        return config;
    }

    /**
     * Whether a record failed to deserialize only because the registry did not answer in time: such a record is read
     * again, as the services' error handler retries it, never skipped.
     */
    public static boolean registryUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals(REGISTRY_UNAVAILABLE)) {
                return true;
            }
        }
        return false;
    }
}
