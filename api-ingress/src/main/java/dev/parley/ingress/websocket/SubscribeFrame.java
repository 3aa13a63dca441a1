package dev.parley.ingress.websocket;

/** What a WebSocket client sends to follow an answer: {@code {"type":"subscribe",...}}. */
record SubscribeFrame(String type, String conversationId, String messageId, Long lastEventId) {

    boolean valid() {
        return "subscribe".equals(type) && present(conversationId) && present(messageId);
    }

    /** Like SSE's Last-Event-ID: an id this service never sent counts as none. */
    long resumeAfter() {
        return lastEventId == null ? -1 : Math.max(-1, lastEventId);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
