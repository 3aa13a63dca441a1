package dev.parley.ingress.admission;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.parley.contracts.accounting.ReservationRequest;
import dev.parley.contracts.accounting.ReservationResponse;
import dev.parley.events.ChatMessage;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Admits a request by reserving its worst-case cost with usage-accounting before anything is stored or published:
 * a generous estimate of its input tokens plus every output token it may produce. Accounting decides atomically,
 * so concurrent requests cannot together spend more than the balance; its refusals arrive as problems (402
 * quota-exhausted, 429 too-many-reservations, 503 when it cannot be reached).
 */
@Service
public class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final AccountingApi accounting;
    private final TokenEstimator tokens;
    private final int maxConcurrentAnswers;
    private final MeterRegistry meters;

    Admission(AccountingApi accounting, TokenEstimator tokens, AdmissionProperties properties, MeterRegistry meters) {
        this.accounting = accounting;
        this.tokens = tokens;
        this.maxConcurrentAnswers = properties.maxConcurrentAnswers();
        this.meters = meters;
    }

    /**
     * Reserves the request's worst case at the model's price, which accounting has from the catalog's price topic.
     *
     * @param requestedMaxTokens the request's own output limit, or null for the model's default
     * @param ownKey the request runs on the user's own provider key (accounting then reserves nothing by default)
     * @throws ApiProblem when the request is not admitted
     */
    public Admitted admit(String requestId, String userId, CatalogModel model, List<ChatMessage> context,
            Integer requestedMaxTokens, boolean ownKey) {
        int maxOutputTokens = requestedMaxTokens != null ? requestedMaxTokens : model.maxOutputTokens();
        long estimatedInputTokens = tokens.estimate(model.id(), context);
        var request = new ReservationRequest(requestId, userId, model.id(), estimatedInputTokens, maxOutputTokens,
                ownKey, maxConcurrentAnswers);
        ReservationResponse reservation;
        long started = System.nanoTime();
        try {
            reservation = accounting.call(api -> api.reserve(request));
            record(started, "admitted");
        } catch (ApiProblem problem) {
            record(started, problem.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (problem.kind() == ProblemKind.UNAVAILABLE || problem.kind() == ProblemKind.UPSTREAM_FAILED) {
                // a timed-out or garbled call may still have reserved: give it back rather than hold it until it
                // expires
                release(requestId, userId);
            }
            throw problem;
        }
        return new Admitted(requestId, maxOutputTokens, estimatedInputTokens, reservation.amount(),
                reservation.accountId(), reservation.expiresAt());
    }

    private void record(long startedNanos, String outcome) {
        Timer.builder("parley.ingress.reservation").description("Reservation calls to usage-accounting, by outcome")
                .tag("outcome", outcome).publishPercentileHistogram().register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Gives back the reservation of a request that never reached Kafka. Best effort: if this fails too, the
     * reservation expires on its own.
     */
    public void release(String requestId, String userId) {
        try {
            accounting.run(api -> api.release(requestId, userId));
        } catch (ApiProblem problem) {
            log.warn("Could not release the reservation of request {}; it expires on its own: {}", requestId,
                    problem.getBody().getDetail());
        }
    }
}
