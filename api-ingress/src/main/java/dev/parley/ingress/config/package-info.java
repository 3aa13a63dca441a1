/**
 * Service-wide wiring: the security filter chains, CORS, OpenAPI, Kafka, the clock and Tomcat's connection buffers.
 */
package dev.parley.ingress.config;
