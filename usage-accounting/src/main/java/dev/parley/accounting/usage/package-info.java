/**
 * The consumer of {@code usage.recorded}: debits every provider call exactly once (ledger entry, account, buckets)
 * and its metrics.
 */
package dev.parley.accounting.usage;
