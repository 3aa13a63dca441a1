/**
 * Accounts: one balance document per user or organisation (available, reserved, the recent event ids it applied,
 * its active reservations and refill), the single-document conditional updates that debit, reserve and credit it, and
 * the account and organisation endpoints api-ingress calls.
 */
package dev.parley.accounting.account;
