/**
 * The consumer of {@code chat.requests}: each request on its own virtual thread, bounded streams, and offsets
 * committed in order although requests finish in any order.
 */
package dev.parley.worker.intake;
