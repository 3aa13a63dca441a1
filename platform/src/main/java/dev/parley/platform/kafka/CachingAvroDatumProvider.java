package dev.parley.platform.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificRecord;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;

/**
 * Apicurio's datum provider with one reader per writer schema and one writer per record schema, reused for every
 * record. The default provider keys its own caches by the schema's parsing fingerprint, which it computes for every
 * record it serializes or deserializes (it normalizes the whole schema to text and hashes that): on every
 * chat.stream delta, in the worker that writes it and in every consumer that reads it. Here a record's schema is
 * looked up by the schema object itself, whose hash Avro caches and which the generated classes and the schema
 * resolver hand out as the same instance each time. Readers and writers are safe to share between threads (Avro
 * keeps its per-thread coding state itself, and Apicurio shares them too); schemas are few, the caches are bounded
 * all the same.
 *
 * @param <T> the (de)serialized type
 */
public class CachingAvroDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    private static final int MAX_CACHED_SCHEMAS = 1_000;

    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> genericWriters = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema writerSchema) {
        DatumReader<T> cached = readers.get(writerSchema);
        if (cached != null) {
            return cached;
        }
        return remember(readers, writerSchema, super.createDatumReader(writerSchema));
    }

    @Override
    public DatumWriter<T> createDatumWriter(T data, Schema schema) {
        // the default provider builds a specific writer for generated classes and a generic one for the rest
        Map<Schema, DatumWriter<T>> writers = data instanceof SpecificRecord ? specificWriters : genericWriters;
        DatumWriter<T> cached = writers.get(schema);
        if (cached != null) {
            return cached;
        }
        return remember(writers, schema, super.createDatumWriter(data, schema));
    }

    private static <V> V remember(Map<Schema, V> cache, Schema schema, V value) {
        if (cache.size() < MAX_CACHED_SCHEMAS) {
            V earlier = cache.putIfAbsent(schema, value);
            return earlier != null ? earlier : value;
        }
        return value;
    }
}
