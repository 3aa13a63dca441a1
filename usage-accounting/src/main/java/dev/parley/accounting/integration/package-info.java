/**
 * The endpoint outside systems call with the integration token to set a user's quota, keyed by their external id.
 */
package dev.parley.accounting.integration;
