package dev.parley.ingress.webhook;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Keyed by the user id, so every lookup names the owner. */
interface WebhookSecretRepository extends MongoRepository<WebhookSecretDocument, String> {
}
