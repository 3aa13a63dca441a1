/**
 * Admission to each provider: requests- and tokens-per-minute buckets, then a concurrency slot; a burst waits here,
 * cancellably, up to the configured queue wait.
 */
package dev.parley.worker.limits;
