package dev.parley.accounting.usage;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.parley.events.Topics;
import dev.parley.events.HeldReservation;
import dev.parley.events.UsageRecorded;
import dev.parley.platform.kafka.InvalidEventException;

/**
 * Applies every {@code UsageRecorded} to its user's account; the group id comes from application.yml. One consumer
 * per partition ({@code parley.accounting.usage-consumers}, application.yml): a debit is a few sequential MongoDB round trips, so a
 * single consumer caps debits per second at the database's latency and the debit lag grows with load. A user's
 * records still share one partition, hence one consumer, and are applied in order.
 */
@Component
class UsageRecordedListener {

    static final String ID = "usage-recorded";

    private final UsageAccountingService accounting;

    UsageRecordedListener(UsageAccountingService accounting) {
        this.accounting = accounting;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.USAGE_RECORDED,
            concurrency = "${parley.accounting.usage-consumers}")
    void on(UsageRecorded event) {
        accounting.apply(toUsage(event));
    }

    private static RecordedUsage.Held held(HeldReservation reservation) {
        return reservation == null ? null
                : new RecordedUsage.Held(reservation.getAccountId(), reservation.getAmount());
    }

    private static RecordedUsage toUsage(UsageRecorded event) {
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
