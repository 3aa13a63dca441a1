package dev.parley.ingress.admission;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.parley.contracts.accounting.ReservationRequest;
import dev.parley.contracts.accounting.ReservationResponse;
import dev.parley.events.ChatMessage;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.ingress.catalog.CatalogModel;
import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

/**
 * Admits a request by reserving its worst-case cost with usage-accounting before anything is stored or published:
 * a generous estimate of its input tokens plus every output token it may produce. Accounting decides atomically,
 * so concurrent requests cannot together spend more than the balance; its refusals arrive as problems (402
 * quota-exhausted, 429 too-many-reservations, 503 when it cannot be reached). A request of a busy key takes a
 * reservation held ahead for it when one fits ({@link SparePool}) and makes no call at all.
 */
@Service
public class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final AccountingApi accounting;
    private final Reservations reservations;
    private final SparePool spares;
    private final TokenEstimator tokens;
    private final int maxConcurrentAnswers;
    private final MeterRegistry meters;
    private final Counter fromSpares;
    private final Counter byCall;

    Admission(AccountingApi accounting, Reservations reservations, SparePool spares, TokenEstimator tokens,
            AdmissionProperties properties, MeterRegistry meters) {
        this.accounting = accounting;
        this.reservations = reservations;
        this.spares = spares;
        this.tokens = tokens;
        this.maxConcurrentAnswers = properties.maxConcurrentAnswers();
        this.meters = meters;
        this.fromSpares = admissions(meters, "spare");
        this.byCall = admissions(meters, "call");
    }

    private static Counter admissions(MeterRegistry meters, String source) {
        return Counter.builder("parley.ingress.admissions")
                .description("Requests admitted, by where their reservation came from: held ahead (spare) or a call")
                .tag("source", source).register(meters);
    }

    /**
     * Names the request: the id of a spare it fits, taken from the pool, else a new one. Makes no call; the request
     * must then be {@link #admit admitted}, or {@link #unclaim unclaimed} if it stops before that.
     *
     * @param requestedMaxTokens the request's own output limit, or null for the model's default
     * @param ownKey the request runs on the user's own provider key (accounting then reserves nothing by default)
     */
    public Claim claim(String userId, CatalogModel model, List<ChatMessage> context, Integer requestedMaxTokens,
            boolean ownKey) {
        int maxOutputTokens = requestedMaxTokens != null ? requestedMaxTokens : model.maxOutputTokens();
        long estimatedInputTokens = tokens.estimate(model.id(), context);
        var key = new SparePool.Key(userId, model.id(), ownKey);
        SparePool.Spare spare = spares.take(key, estimatedInputTokens, maxOutputTokens).orElse(null);
        String requestId = spare != null ? spare.id() : UUID.randomUUID().toString();
        return new Claim(requestId, key, estimatedInputTokens, maxOutputTokens, spare);
    }

    /**
     * Reserves the claimed request's worst case at the model's price, which accounting has from the catalog's price
     * topic; a claimed spare holds it already.
     *
     * @throws ApiProblem when the request is not admitted
     */
    public Admitted admit(Claim claim) {
        SparePool.Spare spare = claim.spare;
        if (spare != null) {
            fromSpares.increment();
            return new Admitted(claim.requestId, claim.maxOutputTokens, claim.estimatedInputTokens, spare.amount(),
                    spare.accountId(), spare.expiresAt());
        }
        try {
            return reserve(claim);
        } catch (ApiProblem problem) {
            boolean refused = problem.kind() == ProblemKind.QUOTA_EXHAUSTED
                    || problem.kind() == ProblemKind.TOO_MANY_RESERVATIONS;
            // this instance's spares hold credits and answer slots: they must never be why a request is refused
            if (refused && spares.releaseUser(claim.key.userId()) > 0) {
                return reserve(claim);
            }
            throw problem;
        }
    }

    /** Returns a claimed spare to the pool: the request stopped before it was admitted or published. */
    public void unclaim(Claim claim) {
        if (claim.spare != null) {
            spares.putBack(claim.key, claim.spare);
        }
    }

    private Admitted reserve(Claim claim) {
        SparePool.Key key = claim.key;
        var request = new ReservationRequest(claim.requestId, key.userId(), key.model(), claim.estimatedInputTokens,
                claim.maxOutputTokens, key.ownKey(), maxConcurrentAnswers);
        ReservationResponse reservation;
        long started = System.nanoTime();
        try {
            reservation = accounting.call(api -> api.reserve(request));
            record(started, "admitted");
        } catch (ApiProblem problem) {
            record(started, problem.kind().name().toLowerCase(Locale.ROOT));
            if (problem.kind() == ProblemKind.UNAVAILABLE || problem.kind() == ProblemKind.UPSTREAM_FAILED) {
                // a timed-out or garbled call may still have reserved: give it back rather than hold it until it
                // expires
                release(claim.requestId, key.userId());
            }
            throw problem;
        }
        byCall.increment();
        return new Admitted(claim.requestId, claim.maxOutputTokens, claim.estimatedInputTokens, reservation.amount(),
                reservation.accountId(), reservation.expiresAt());
    }

    private void record(long startedNanos, String outcome) {
        Timer.builder("parley.ingress.reservation").description("Reservation calls to usage-accounting, by outcome")
                .tag("outcome", outcome).publishPercentileHistogram().register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Gives back the reservation of a request that never reached Kafka (a spare it took included: a publish that
     * failed may still have reached Kafka, so the spare does not go back to the pool). Best effort: if this fails
     * too, the reservation expires on its own.
     */
    public void release(String requestId, String userId) {
        if (!reservations.release(userId, requestId)) {
            log.warn("Could not release the reservation of request {}; it expires on its own", requestId);
        }
    }

    /** A request named and sized for admission; it holds the spare it took, if any. */
    public static final class Claim {

        private final String requestId;
        private final SparePool.Key key;
        private final long estimatedInputTokens;
        private final int maxOutputTokens;
        private final SparePool.Spare spare;

        private Claim(String requestId, SparePool.Key key, long estimatedInputTokens, int maxOutputTokens,
                SparePool.Spare spare) {
            this.requestId = requestId;
            this.key = key;
            this.estimatedInputTokens = estimatedInputTokens;
            this.maxOutputTokens = maxOutputTokens;
            this.spare = spare;
        }

        /** The request's id: its spare's, or a new one. */
        public String requestId() {
            return requestId;
        }
    }
}
