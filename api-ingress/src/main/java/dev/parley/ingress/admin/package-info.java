/**
 * Administrator endpoints under {@code /api/admin}: users, conversations, flags, usage breakdowns, prices,
 * balances, grants and refills (the money ones forwarded to usage-accounting).
 */
package dev.parley.ingress.admin;
