package dev.parley.ingress.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Counts messages that became requests on Kafka, and those refused, by reason. */
@Component
class MessageMetrics {

    static final String NOT_FOUND = "not_found";
    static final String MODEL_UNKNOWN = "model_unknown";
    static final String QUOTA_EXHAUSTED = "quota_exhausted";
    static final String TOO_MANY_RESERVATIONS = "too_many_reservations";
    static final String ACCOUNTING_UNAVAILABLE = "accounting_unavailable";
    static final String PUBLISH_FAILED = "publish_failed";
    static final String CONTEXT_TOO_LONG = "context_too_long";
    static final String CONTEXT_WINDOW_EXCEEDED = "context_window_exceeded";
    static final String MAX_TOKENS = "max_tokens_too_high";
    static final String OUTBOUND_ADDRESS_REFUSED = "outbound_address_refused";

    private final MeterRegistry registry;
    private final Counter accepted;

    MessageMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("parley.ingress.messages.accepted")
                .description("Messages published as ChatRequested")
                .register(registry);
    }

    void accepted() {
        accepted.increment();
    }

    void rejected(String reason) {
        Counter.builder("parley.ingress.messages.rejected")
                .description("Messages refused before or while publishing")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
