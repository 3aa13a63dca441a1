/**
 * The client of usage-accounting's internal API: the accounting-api contract's {@code InternalAccountingApi} behind a
 * bound on calls in flight, with accounting's problems mapped to ours by type ({@link
 * dev.parley.ingress.accounting.AccountingProblems}). The one way api-ingress talks to accounting, used by
 * admission, registration and sign-in, the admin and the user's usage (prices travel on catalog.prices).
 */
package dev.parley.ingress.accounting;
