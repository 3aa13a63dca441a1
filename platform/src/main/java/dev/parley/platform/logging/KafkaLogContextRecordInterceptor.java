package dev.parley.platform.logging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the log context of each consumed record into the MDC of the listener thread while the listener handles
 * it: from the headers {@link KafkaLogContextProducerInterceptor} wrote, else from the event's own fields (records
 * of producers that predate the headers). Removed again after the record, whatever its outcome.
 */
public class KafkaLogContextRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        for (LogContext.Key key : LogContext.KEYS) {
            String value = LogContext.header(record.headers(), key.header());
            LogContext.put(key.mdc(), value != null ? value : LogContext.field(record.value(), key.eventField()));
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        LogContext.clear();
    }
}
