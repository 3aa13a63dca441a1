package dev.parley.accounting.integration;

/** @param created whether this call created the mapping and the account */
record QuotaResponse(String externalId, String userId, long balance, long available, boolean created) {
}
