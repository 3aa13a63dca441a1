package dev.parley.ingress.submission;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import dev.parley.platform.problem.ApiProblem;

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
    static final String CONVERSATION_FULL = "conversation_full";
    static final String ATTACHMENTS = "attachment_refused";

    private final MeterRegistry registry;
    private final Counter accepted;

    MessageMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("parley.ingress.messages.accepted")
                .description("Messages published as ChatRequested")
                .register(registry);
    }

    /**
     * Times the acceptance of a chat request, from its first check to the broker's acknowledgement (or its
     * refusal): {@code parley.ingress.accept}, by API ({@code native}, {@code openai}) and outcome.
     */
    <T> CompletableFuture<T> timeAccept(String api, Supplier<CompletableFuture<T>> accept) {
        long started = System.nanoTime();
        CompletableFuture<T> accepted;
        try {
            accepted = accept.get();
        } catch (RuntimeException refused) {
            recordAccept(api, "rejected", started);
            throw refused;
        }
        return accepted.whenComplete((done, failure) -> recordAccept(api, failure == null ? "accepted" : "rejected",
                started));
    }

    private void recordAccept(String api, String outcome, long startedNanos) {
        Timer.builder("parley.ingress.accept").description("Accepting a chat request: checks, reservation, storage, "
                        + "publication").tag("api", api).tag("outcome", outcome).publishPercentileHistogram()
                .register(registry).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void accepted() {
        accepted.increment();
    }

    /** Runs a step of the checks; a problem it raises is counted as a refusal under {@code reason}. */
    <T> T check(String reason, Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiProblem problem) {
            rejected(reason);
            throw problem;
        }
    }

    void rejected(String reason) {
        Counter.builder("parley.ingress.messages.rejected")
                .description("Messages refused before or while publishing")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
