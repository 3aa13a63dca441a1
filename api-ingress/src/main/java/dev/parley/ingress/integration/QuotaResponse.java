package dev.parley.ingress.integration;

/**
 * @param userId the Parley user the external id maps to
 * @param available the balance minus what running requests hold
 * @param created whether this call created the user
 */
record QuotaResponse(String externalId, String userId, long balance, long available, boolean created) {
}
