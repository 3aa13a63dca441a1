/**
 * Publishes an answer's ordered events on {@code chat.stream}: deltas coalesced by time and size, then the
 * terminal event.
 */
package dev.parley.worker.stream;
