package dev.parley.platform.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;

import io.apicurio.registry.resolver.DefaultSchemaResolver;
import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.SchemaResolver;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;
import io.apicurio.registry.serde.data.SerdeMetadata;

/**
 * Apicurio's own resolver and cache ({@link DefaultSchemaResolver}), talking to the registry through a client whose
 * every call ends within {@link #TIMEOUT_MS}: a registry that is down or wedged makes a lookup fail with
 * {@link SchemaRegistryUnavailableException} instead of holding a consumer or producer thread indefinitely.
 * Configured by name ({@code apicurio.registry.schema-resolver} in parley-kafka.yml), so it needs a public no-argument
 * constructor. Together with a cache lifetime longer than any process ({@code apicurio.registry.check-period-ms}),
 * each content id and each schema is looked up once per serde: content ids never change meaning, so a warm consumer
 * or producer makes no registry call at all.
 * <p>
 * For generated (specific) records the lookup result is also kept per topic, key flag and record class: the
 * resolver would otherwise render the record's whole schema as JSON for every record it writes (its cache key),
 * which was a visible share of a producer's CPU on the token stream.
 *
 * @param <S> the schema type
 * @param <T> the data type
 */
public class BoundedSchemaResolver<S, T> implements SchemaResolver<S, T> {

    /** Kafka client property: the longest one registry call may take, in milliseconds. */
    public static final String TIMEOUT_MS = "parley.registry.timeout-ms";

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final SchemaResolver<S, T> delegate;
    private final Map<SpecificSchemaKey, SchemaLookupResult<S>> bySpecificClass = new ConcurrentHashMap<>();
    private RegistryClientFacade client;

    /** What decides a generated record's schema and artifact: its class (its schema is static) and where it goes. */
    private record SpecificSchemaKey(String topic, boolean key, Class<?> recordClass) {
    }

    public BoundedSchemaResolver() {
        // instantiated by the Apicurio serde from its configuration
        this(new DefaultSchemaResolver<>());
    }

    BoundedSchemaResolver(SchemaResolver<S, T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(Map<String, ?> configs, SchemaParser<S, T> schemaParser) {
        if (client == null) {
            client = BoundedRegistryClient.create(new SchemaResolverConfig(configs).getRegistryUrl(), timeout(configs));
            delegate.setClientFacade(client);
        }
        delegate.configure(configs, schemaParser);
    }

    static Duration timeout(Map<String, ?> configs) {
        Object value = configs.get(TIMEOUT_MS);
        if (value == null || value.toString().isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        long millis = Long.parseLong(value.toString().trim());
        if (millis <= 0) {
            throw new IllegalArgumentException(TIMEOUT_MS + " must be positive: " + value);
        }
        return Duration.ofMillis(millis);
    }

    @Override
    public void setClientFacade(RegistryClientFacade clientFacade) {
        client = clientFacade;
        delegate.setClientFacade(clientFacade);
    }

    @Override
    public void setArtifactResolverStrategy(ArtifactReferenceResolverStrategy<S, T> strategy) {
        delegate.setArtifactResolverStrategy(strategy);
    }

    @Override
    public SchemaParser<S, T> getSchemaParser() {
        return delegate.getSchemaParser();
    }

    @Override
    public SchemaLookupResult<S> resolveSchema(Record<T> data) {
        SpecificSchemaKey key = specificKey(data);
        if (key == null) {
            return delegate.resolveSchema(data);
        }
        SchemaLookupResult<S> known = bySpecificClass.get(key);
        if (known != null) {
            return known;
        }
        // not computeIfAbsent: the lookup may call the registry, and must not hold a map lock while it does
        SchemaLookupResult<S> resolved = delegate.resolveSchema(data);
        bySpecificClass.putIfAbsent(key, resolved);
        return resolved;
    }

    private static SpecificSchemaKey specificKey(Record<?> data) {
        if (!(data.payload() instanceof SpecificRecord) || !(data.metadata() instanceof SerdeMetadata metadata)
                || metadata.artifactReference() != null || metadata.explicitSchemaContent() != null) {
            return null;
        }
        return new SpecificSchemaKey(metadata.getTopic(), metadata.isKey(), data.payload().getClass());
    }

    @Override
    public SchemaLookupResult<S> resolveSchemaByArtifactReference(ArtifactReference reference) {
        return delegate.resolveSchemaByArtifactReference(reference);
    }

    @Override
    public void reset() {
        bySpecificClass.clear();
        delegate.reset();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
