/**
 * Cancels from {@code chat.control}: every instance hears every cancel and stops the stream it runs, for its
 * owner only.
 */
package dev.parley.worker.cancel;
