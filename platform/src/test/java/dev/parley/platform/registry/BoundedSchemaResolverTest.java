package dev.parley.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import dev.parley.events.CancelRequested;
import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.SchemaResolver;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.resolver.strategy.ArtifactReferenceResolverStrategy;
import io.apicurio.registry.serde.kafka.data.KafkaSerdeMetadata;
import io.apicurio.registry.serde.data.SerdeRecord;

class BoundedSchemaResolverTest {

    private final CountingResolver counting = new CountingResolver();
    private final BoundedSchemaResolver<Schema, Object> resolver = new BoundedSchemaResolver<>(counting);

    @Test
    void aGeneratedRecordClassIsResolvedOncePerTopicAndSide() {
        SchemaLookupResult<Schema> first = resolver.resolveSchema(record("chat.cancel", false, cancel("r1")));
        SchemaLookupResult<Schema> again = resolver.resolveSchema(record("chat.cancel", false, cancel("r2")));
        resolver.resolveSchema(record("chat.cancel", true, cancel("r3")));
        resolver.resolveSchema(record("other", false, cancel("r4")));

        assertThat(again).isSameAs(first);
        assertThat(counting.resolved).containsExactly("chat.cancel/false", "chat.cancel/true", "other/false");
    }

    @Test
    void genericRecordsAndExplicitSchemasAreLeftToApicurio() {
        Schema schema = CancelRequested.getClassSchema();
        GenericRecord generic = new GenericData.Record(schema);
        resolver.resolveSchema(record("chat.cancel", false, generic));
        resolver.resolveSchema(record("chat.cancel", false, generic));
        KafkaSerdeMetadata explicit = new KafkaSerdeMetadata("chat.cancel", false, null);
        explicit.setExplicitSchemaContent(schema.toString());
        resolver.resolveSchema(new SerdeRecord<>(explicit, cancel("r1")));
        resolver.resolveSchema(new SerdeRecord<>(explicit, cancel("r2")));

        assertThat(counting.resolved).hasSize(4);
    }

    @Test
    void aResetForgetsWhatWasResolved() {
        resolver.resolveSchema(record("chat.cancel", false, cancel("r1")));
        resolver.reset();
        resolver.resolveSchema(record("chat.cancel", false, cancel("r2")));

        assertThat(counting.resolved).hasSize(2);
    }

    private static Record<Object> record(String topic, boolean key, Object payload) {
        return new SerdeRecord<>(new KafkaSerdeMetadata(topic, key, null), payload);
    }

    private static CancelRequested cancel(String requestId) {
        return CancelRequested.newBuilder().setRequestId(requestId).setUserId("u1").setRequestedAt(Instant.EPOCH)
                .build();
    }

    /** Apicurio's resolver as far as this test sees it: each lookup is counted and answered with a new result. */
    private static final class CountingResolver implements SchemaResolver<Schema, Object> {

        final List<String> resolved = new ArrayList<>();

        @Override
        public SchemaLookupResult<Schema> resolveSchema(Record<Object> data) {
            var metadata = (KafkaSerdeMetadata) data.metadata();
            resolved.add(metadata.getTopic() + "/" + metadata.isKey());
            return SchemaLookupResult.<Schema>builder().contentId(resolved.size()).build();
        }

        @Override
        public void configure(Map<String, ?> configs, SchemaParser<Schema, Object> schemaParser) {
        }

        @Override
        public void setClientFacade(RegistryClientFacade clientFacade) {
        }

        @Override
        public void setArtifactResolverStrategy(ArtifactReferenceResolverStrategy<Schema, Object> strategy) {
        }

        @Override
        public SchemaParser<Schema, Object> getSchemaParser() {
            return null;
        }

        @Override
        public SchemaLookupResult<Schema> resolveSchemaByArtifactReference(ArtifactReference reference) {
            return null;
        }

        @Override
        public void reset() {
            // the counts stay: the test asks how often the resolver was asked in all
        }

        @Override
        public void close() {
        }
    }
}
