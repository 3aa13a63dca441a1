/**
 * Answers as they stream in from {@code chat.stream}: the one owner of its consumers (the per-instance fan-out
 * with its catch-up, and the shared persisting group that stores each finished answer) and of the in-memory hub
 * of subscriptions; what both transports share: following a stored answer ({@code AnswerFeed}), the writer
 * threads, ordered writes and the per-user cap on open streams. The transports themselves are the {@code sse} and
 * {@code websocket} features.
 */
package dev.parley.ingress.stream;
