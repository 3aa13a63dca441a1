package dev.parley.ingress.admission;

import java.time.Instant;

/**
 * A held reservation.
 *
 * @param accountId the paying account: the user's, or {@code org:<organisationId>}
 * @param amount credits held: the request's worst-case cost
 */
record ReservationResponse(String reservationId, String accountId, long amount, long balance, long available,
        Instant expiresAt) {
}
