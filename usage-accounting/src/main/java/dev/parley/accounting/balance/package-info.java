/**
 * Balance changes by an administrator or an integration (set balance, adjust) and the recovery job that finishes a
 * change left PENDING in the ledger by a crash.
 */
package dev.parley.accounting.balance;
