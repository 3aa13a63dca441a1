package dev.parley.ingress.admission;

/**
 * What usage-accounting needs to hold a request's worst-case cost.
 *
 * @param reservationId the request id, so that a retry finds the same reservation
 * @param ownKey whether the request runs on the user's own provider key
 * @param maxConcurrent answers the user may have in progress at once (accounting counts their reservations)
 */
record ReservationRequest(String reservationId, String userId, String model, long estimatedInputTokens,
        long maxOutputTokens, boolean ownKey, int maxConcurrent) {
}
