/**
 * One answer's provider calls: its routes (the requested provider and model, then fallbacks), retries before
 * the first delta, the time limits of each call and the watchdog that enforces them.
 */
package dev.parley.worker.call;
