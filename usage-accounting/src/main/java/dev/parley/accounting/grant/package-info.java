/**
 * Grants (credits effective from a time, optionally expiring) and auto-refills (a balance topped up every
 * interval), each applied exactly once through a PENDING ledger entry.
 */
package dev.parley.accounting.grant;
