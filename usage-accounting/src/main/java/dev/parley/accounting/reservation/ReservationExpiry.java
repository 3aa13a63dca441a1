package dev.parley.accounting.reservation;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.Reservation;

/** Releases reservations whose usage never arrived, so that a lost request does not hold credits forever. */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);
    private static final int BATCH = 100;

    private final ReservationStore store;
    private final ReservationService reservations;
    private final Clock clock;

    ReservationExpiry(ReservationStore store, ReservationService reservations, Clock clock) {
        this.store = store;
        this.reservations = reservations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${parley.accounting.jobs.reservation-expiry:PT30S}")
    void run() {
        releaseExpired(clock.instant());
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
