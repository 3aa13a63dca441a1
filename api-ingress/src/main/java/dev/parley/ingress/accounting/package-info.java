/**
 * The HTTP client of usage-accounting's internal API (service token, its problems mapped to ours) and the account
 * snapshot it answers: the one way api-ingress talks to accounting, used by admission, the catalog's price sync,
 * the admin and the user's usage.
 */
package dev.parley.ingress.accounting;
