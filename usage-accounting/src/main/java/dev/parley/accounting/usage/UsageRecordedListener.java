package dev.parley.accounting.usage;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import dev.parley.events.HeldReservation;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.platform.kafka.InvalidEventException;

/**
 * Applies the {@code UsageRecorded} records of each poll together ({@link UsageAccountingService#applyAll}); the group
 * id comes from application.yml. One consumer per partition ({@code parley.accounting.usage-consumers}): a user's
 * records share one partition, hence one consumer, and are applied in order.
 * <p>
 * A failure names the first record not applied ({@link BatchListenerFailedException}): the platform's error handler
 * commits the records before it, and retries from it (a transient failure without limit) or dead-letters it (a poison
 * record at once, after a few retries anything else) and goes on with the records after it. A poison record in the
 * middle of a poll thus neither blocks the partition nor fails its neighbours: the records before it are applied
 * first, those after it in the next delivery.
 */
@Component
class UsageRecordedListener {

    static final String ID = "usage-recorded";
    private static final LogAccessor LOG = new LogAccessor(LogFactory.getLog(UsageRecordedListener.class));

    private final UsageAccountingService accounting;

    UsageRecordedListener(UsageAccountingService accounting) {
        this.accounting = accounting;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.USAGE_RECORDED, batch = "true",
            concurrency = "${parley.accounting.usage-consumers}")
    void on(List<ConsumerRecord<String, UsageRecorded>> records) {
        List<RecordedUsage> usable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, UsageRecorded> record : records) {
            RecordedUsage usage;
            try {
                usage = toUsage(record);
            } catch (RuntimeException poison) {
                apply(usable);
                throw new BatchListenerFailedException("Unusable usage record at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset(), poison, usable.size());
            }
            usable.add(usage);
        }
        apply(usable);
    }

    private void apply(List<RecordedUsage> usages) {
        try {
            accounting.applyAll(usages);
        } catch (UsageBatchException failed) {
            throw new BatchListenerFailedException(failed.getMessage(), failed.getCause(), failed.index());
        }
    }

    private static RecordedUsage.Held held(HeldReservation reservation) {
        return reservation == null ? null
                : new RecordedUsage.Held(reservation.getAccountId(), reservation.getAmount());
    }

    /** @throws RuntimeException a poison failure: the record could not be read or can never be applied */
    private static RecordedUsage toUsage(ConsumerRecord<String, UsageRecorded> record) {
        UsageRecorded event = record.value();
        if (event == null) {
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            throw unreadable != null ? unreadable : new InvalidEventException("Empty usage record");
        }
        try {
            return new RecordedUsage(event.getEventId(), event.getRequestId(), event.getUserId(),
                    event.getConversationId(), event.getProvider(), event.getModel(), event.getInputTokens(),
                    event.getOutputTokens(), event.getCachedInputTokens(), event.getReasoningTokens(),
                    String.valueOf(event.getSource()), String.valueOf(event.getOutcome()), event.getOwnKey(),
                    event.getRecordedAt(), held(event.getReservation()));
        } catch (IllegalArgumentException invalid) {
            throw new InvalidEventException("Unusable UsageRecorded " + event.getEventId() + ": " + invalid.getMessage());
        }
    }
}
