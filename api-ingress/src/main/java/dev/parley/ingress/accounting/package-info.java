/**
 * The HTTP client of usage-accounting's internal API (service token, its problems mapped to ours) and the account
 * snapshot it answers: the one way api-ingress calls accounting (prices travel on catalog.prices), used by admission,
 * the admin and the user's usage.
 */
package dev.parley.ingress.accounting;
