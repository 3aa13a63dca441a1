package dev.parley.ingress.stream;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import dev.parley.events.ChatStreamKinds;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

/**
 * The value deserializer of the persisting {@code chat.stream} consumer, which stores terminal events only: a record
 * whose {@link ChatStreamKinds#HEADER} says it is a delta becomes {@code null} without being decoded (most records of
 * the topic are deltas). Any other record, one without the header (from a worker that predates it) included, is
 * decoded by Apicurio's Avro deserializer as before, so a mislabelled or unlabelled record is never lost. Public
 * because Kafka instantiates it by name ({@code spring.deserializer.value.delegate.class} of that listener).
 */
public class TerminalEventDeserializer extends AvroKafkaDeserializer<Object> {

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (headers != null && isDelta(headers.lastHeader(ChatStreamKinds.HEADER))) {
            return null;
        }
        return super.deserialize(topic, headers, data);
    }

    private static boolean isDelta(Header kind) {
        return kind != null && ChatStreamKinds.isDelta(kind.value());
    }
}
