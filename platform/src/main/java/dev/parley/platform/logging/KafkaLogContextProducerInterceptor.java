package dev.parley.platform.logging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * Stamps every record a Parley service produces with the log context as headers ({@code parley-request-id},
 * {@code parley-user-id}, {@code parley-conversation-id}, {@code parley-chat-request-id}): from the MDC of the
 * sending thread, else from the event's own fields. The consumers' {@link KafkaLogContextRecordInterceptor} puts
 * them back into the MDC, so one request can be followed across services without the code that sends or handles
 * events knowing about it. Headers already present (a dead-lettered record keeps the original's) are kept.
 * Configured as {@code interceptor.classes} of every producer (parley-kafka.yml).
 */
public class KafkaLogContextProducerInterceptor implements ProducerInterceptor<Object, Object> {

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        Headers headers = record.headers();
        for (LogContext.Key key : LogContext.KEYS) {
            if (headers.lastHeader(key.header()) != null) {
                continue;
            }
            String value = MDC.get(key.mdc());
            if (value == null) {
                value = LogContext.field(record.value(), key.eventField());
            }
            if (LogContext.isSafe(value)) {
                try {
                    headers.add(key.header(), value.getBytes(StandardCharsets.UTF_8));
                } catch (IllegalStateException readOnly) {
                    // a record sent a second time has read-only headers: it already carries what it had
                    return record;
                }
            }
        }
        return record;
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
