package dev.parley.accounting.reservation;

import java.time.Instant;

/**
 * An admitted request.
 *
 * @param accountId the account holding the credits: the user's, or {@code org:<organisationId>}
 * @param amount credits held: the request's worst-case cost
 * @param balance the paying account's balance
 * @param available what the paying account can still reserve: balance minus everything reserved
 */
record ReservationResponse(String reservationId, String accountId, long amount, long balance, long available,
        Instant expiresAt) {
}
