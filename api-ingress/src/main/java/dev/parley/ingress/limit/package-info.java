/**
 * Abuse limits: sign-in throttling, per-user chat rate and concurrency, request body size.
 */
package dev.parley.ingress.limit;
