/**
 * The ledger: one entry per balance change (debit, release, grant, refill, adjustment), PENDING until applied,
 * and the transaction listings read from it.
 */
package dev.parley.accounting.ledger;
