package dev.parley.accounting.integration;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user of an outside system and the Parley user id whose account holds their quota (collection
 * {@code external_accounts}). api-ingress will map external ids to its users; until then the user id is the one
 * this collection assigned.
 */
@Document(QuotaIntegration.COLLECTION)
record ExternalAccount(@Id String externalId, String userId, Instant createdAt) {
}
