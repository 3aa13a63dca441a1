/**
 * Webhook deliveries of finished answers: signing secrets, retries with backoff, guarded target addresses.
 */
package dev.parley.ingress.webhook;
