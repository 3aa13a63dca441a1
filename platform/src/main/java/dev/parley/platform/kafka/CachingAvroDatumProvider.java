package dev.parley.platform.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;

/**
 * Apicurio's datum provider with one reader per writer schema, reused for every record. The default provider
 * builds a new reader for each record it deserializes, looking the generated class up by name each time: on
 * every chat.stream delta, in every consumer. A reader is safe to share between threads (Avro keeps its
 * per-thread decoding state itself); schemas are few, the cache is bounded all the same.
 *
 * @param <T> the deserialized type
 */
public class CachingAvroDatumProvider<T> extends DefaultAvroDatumProvider<T> {

    private static final int MAX_CACHED_SCHEMAS = 1_000;

    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema writerSchema) {
        DatumReader<T> cached = readers.get(writerSchema);
        if (cached != null) {
            return cached;
        }
        DatumReader<T> reader = super.createDatumReader(writerSchema);
        if (readers.size() < MAX_CACHED_SCHEMAS) {
            readers.putIfAbsent(writerSchema, reader);
        }
        return reader;
    }
}
