/**
 * Answers as they stream: the {@code chat.stream} fan-out and hub, SSE and WebSocket transports, catch-up and
 * resume, and storing the finished answer whether or not a client is connected.
 */
package dev.parley.ingress.stream;
