package dev.parley.contracts.accounting;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Reservations held ahead: all the ids asked for, or none when the paying account could not hold them together
 * (credits, its bound or the user's); a retry of a call that held them answers them again.
 *
 * @param reservationIds the ids now held; empty when none could be
 * @param accountId the account holding them: the user's, or {@code org:<organisationId>}
 * @param amount credits held by each of them
 * @param available what the paying account can still reserve afterwards
 * @param expiresAt when accounting lets each go if no usage settled it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AdvanceReservationResponse(List<String> reservationIds, String accountId, long amount, long available,
        Instant expiresAt) {
}
