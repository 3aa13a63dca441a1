package dev.parley.accounting.account;

import java.time.Instant;

/**
 * Credits held for one admitted request until its usage settles it or it expires.
 *
 * @param reservationId the request id
 * @param userId who made the request (the account holding it may be their organisation's)
 * @param amount the worst-case cost of the request
 */
public record Reservation(String reservationId, String userId, String model, long amount, Instant createdAt,
        Instant expiresAt) {
}
