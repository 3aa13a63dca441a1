package dev.parley.platform.logging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * Stamps the records a Parley service produces with the sending thread's log context as headers
 * ({@code parley-request-id}, {@code parley-user-id}, {@code parley-conversation-id}, {@code parley-chat-request-id})
 * where the event does not already hold the same value: in practice the HTTP request id, since every Parley event
 * names its user, conversation and chat request in its own fields, which the consumers'
 * {@link KafkaLogContextRecordInterceptor} reads when a header is absent. Token deltas get nothing: they are the
 * bulk of the traffic and nobody logs them. Headers already present (a dead-lettered record keeps the original's) are
 * kept. Configured as {@code interceptor.classes} of every producer (parley-kafka.yml), so the code that sends
 * events does not know about it.
 */
public class KafkaLogContextProducerInterceptor implements ProducerInterceptor<Object, Object> {

    static final String DELTA_PAYLOAD = "TokensGenerated";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (isDelta(record.value())) {
            return record;
        }
        Headers headers = record.headers();
        for (LogContext.Key key : LogContext.KEYS) {
            String value = MDC.get(key.mdc());
            if (!LogContext.isSafe(value) || headers.lastHeader(key.header()) != null
                    || value.equals(LogContext.field(record.value(), key.eventField()))) {
                continue;
            }
            try {
                headers.add(key.header(), value.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalStateException readOnly) {
                // a record sent a second time has read-only headers: it already carries what it had
                return record;
            }
        }
        return record;
    }

    private static boolean isDelta(Object value) {
        return value instanceof GenericRecord event && event.getSchema().getField("payload") != null
                && event.get("payload") instanceof GenericRecord payload
                && DELTA_PAYLOAD.equals(payload.getSchema().getName());
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // nothing to do: the context is in the headers
    }

    @Override
    public void close() {
        // no resources
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // no settings
    }
}
