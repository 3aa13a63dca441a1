package dev.parley.accounting.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.Reservation;
import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerType;

/**
 * Releases reservations whose usage never arrived, so that a lost request does not hold credits forever, and
 * finishes releases a crash left half done.
 */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);
    private static final int BATCH = 100;
    /** Younger pending releases probably belong to a call still running. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final ReservationStore store;
    private final ReservationService reservations;
    private final LedgerRepository ledger;
    private final Clock clock;

    ReservationExpiry(ReservationStore store, ReservationService reservations, LedgerRepository ledger, Clock clock) {
        this.store = store;
        this.reservations = reservations;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${parley.accounting.jobs.reservation-expiry:PT30S}")
    void run() {
        releaseExpired(clock.instant());
    }

    // a crash between a release's two writes is rare: once a minute is enough (it reads ledger_pending, then by id)
    @Scheduled(fixedDelayString = "${parley.accounting.jobs.pending-releases:PT1M}")
    void finishPendingReleases() {
        finishPendingReleases(clock.instant());
    }

    /** @return how many releases a crash left PENDING were finished (applied or voided) */
    int finishPendingReleases(Instant now) {
        int finished = 0;
        for (LedgerEntry entry : ledger.pending(List.of(LedgerType.RELEASE), now.minus(GRACE), BATCH)) {
            try {
                reservations.finishRelease(entry);
                finished++;
            } catch (RuntimeException e) {
                // one broken entry must not stop the others; the next run tries it again
                log.warn("Could not finish pending release {}", entry.eventId(), e);
            }
        }
        return finished;
    }

    /** @return how many reservations were released */
    int releaseExpired(Instant now) {
        int released = 0;
        for (Account account : store.withExpiredReservations(now, BATCH)) {
            for (Reservation reservation : account.reservations()) {
                if (reservation.expiresAt().isBefore(now)) {
                    reservations.release(account, reservation, "EXPIRY");
                    released++;
                }
            }
        }
        if (released > 0) {
            log.info("Released {} expired reservations", released);
        }
        return released;
    }
}
