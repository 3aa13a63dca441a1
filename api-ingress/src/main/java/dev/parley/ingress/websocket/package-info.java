/**
 * Answers over a WebSocket ({@code /api/ws/stream}): several answers per connection as JSON frames, with the
 * same ownership check and replay as SSE; the connection keeps its handshake's identity until the token expires
 * or the account is disabled.
 */
package dev.parley.ingress.websocket;
