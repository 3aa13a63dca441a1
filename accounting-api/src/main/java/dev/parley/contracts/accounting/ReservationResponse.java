package dev.parley.contracts.accounting;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An admitted request.
 *
 * @param accountId the account holding the credits: the user's, or {@code org:<organisationId>}
 * @param amount credits held: the request's worst-case cost
 * @param balance the paying account's balance
 * @param available what the paying account can still reserve: balance minus everything reserved
 * @param expiresAt when accounting lets the reservation go if no usage settled it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReservationResponse(String reservationId, String accountId, long amount, long balance, long available,
        Instant expiresAt) {
}
