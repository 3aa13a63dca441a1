package dev.parley.ingress.admission;

import dev.parley.ingress.catalog.ModelPrices;

/**
 * What usage-accounting needs to hold a request's worst-case cost.
 *
 * @param reservationId the request id, so that a retry finds the same reservation
 * @param ownKey whether the request runs on the user's own provider key
 * @param price the catalog's price of the model, the one source of prices
 * @param maxConcurrent answers the user may have in progress at once (accounting counts their reservations)
 */
record ReservationRequest(String reservationId, String userId, String model, long estimatedInputTokens,
        long maxOutputTokens, boolean ownKey, ModelPrices price, int maxConcurrent) {
}
