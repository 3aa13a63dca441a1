package dev.parley.ingress.admission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.parley.contracts.accounting.AdvanceReservationRequest;
import dev.parley.contracts.accounting.AdvanceReservationResponse;
import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.platform.problem.ApiProblem;

/** usage-accounting's reservations as the spare pool uses them: held ahead in one call, given back one by one. */
final class Reservations implements SparePool.Holder {

    private final AccountingApi accounting;
    private final int maxConcurrentAnswers;
    private final Clock clock;

    Reservations(AccountingApi accounting, int maxConcurrentAnswers, Clock clock) {
        this.accounting = accounting;
        this.maxConcurrentAnswers = maxConcurrentAnswers;
        this.clock = clock;
    }

    @Override
    public List<SparePool.Spare> hold(SparePool.Key key, SparePool.Size size, List<String> ids) {
        var request = new AdvanceReservationRequest(key.userId(), key.model(), size.inputTokens(),
                size.maxOutputTokens(), key.ownKey() ? Boolean.TRUE : null, maxConcurrentAnswers, ids);
        AdvanceReservationResponse held = accounting.call(api -> api.reserveAhead(request));
        Instant now = clock.instant();
        return held.reservationIds().stream().map(id -> new SparePool.Spare(id, size, held.amount(),
                held.accountId(), held.expiresAt(), now)).toList();
    }

    /** Gives back a reservation whose request never reached Kafka, or a spare no request took. */
    @Override
    public boolean release(String userId, String reservationId) {
        try {
            accounting.run(api -> api.release(reservationId, userId));
            return true;
        } catch (ApiProblem problem) {
            return false;
        }
    }
}
