package dev.parley.ingress.admission;

import java.time.Instant;

import dev.parley.events.HeldReservation;

/**
 * A request whose worst-case cost is reserved.
 *
 * @param maxOutputTokens the output limit the request must be sent with: the reservation assumed no more
 * @param estimatedInputTokens the generous estimate the reservation assumed
 * @param reserved credits held until the request's usage settles
 * @param accountId the paying account holding them: the user's, or {@code org:<organisationId>}
 * @param expiresAt when accounting lets the reservation go if no usage settled it
 */
public record Admitted(String requestId, int maxOutputTokens, long estimatedInputTokens, long reserved,
        String accountId, Instant expiresAt) {

    /** What the request's events carry, so that its usage settles with one keyed update. */
    public HeldReservation reservation() {
        return accountId == null || expiresAt == null ? null
                : new HeldReservation(accountId, reserved, expiresAt);
    }
}
