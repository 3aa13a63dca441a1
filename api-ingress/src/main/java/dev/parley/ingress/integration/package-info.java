/**
 * The endpoint outside systems call with the integration token to set a user's quota, keyed by their
 * external id, and its security.
 */
package dev.parley.ingress.integration;
