/**
 * Service-wide wiring: the security filter chains, CORS, OpenAPI, Kafka and the clock.
 */
package dev.parley.ingress.config;
