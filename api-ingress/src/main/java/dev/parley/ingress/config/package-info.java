/**
 * Service-wide wiring: the security filter chains, CORS, OpenAPI, Kafka, the clock and the Jetty server (URI rules, buffers, trusted proxies).
 */
package dev.parley.ingress.config;
