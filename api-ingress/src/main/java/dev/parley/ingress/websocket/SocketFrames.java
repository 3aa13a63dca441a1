package dev.parley.ingress.websocket;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.socket.TextMessage;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.ingress.stream.StreamEvent;

/**
 * The JSON text frames of /api/ws/stream: the SSE events' data with the SSE event name as {@code type} and the
 * SSE id as {@code id}, so both transports carry the same fields.
 */
final class SocketFrames {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final JsonMapper json;

    SocketFrames(JsonMapper json) {
        this.json = json;
    }

    TextMessage event(StreamEvent event) {
        Map<String, Object> frame = frame(event.name(), event.sequence());
        frame.putAll(json.convertValue(event.data(), FIELDS));
        return text(frame);
    }

    TextMessage reset(long sequence, String attemptId) {
        Map<String, Object> frame = frame("reset", sequence);
        frame.put("attemptId", attemptId);
        return text(frame);
    }

    /** An error about the client's own frame, which has no place in a stream's numbering. */
    TextMessage error(String code, String message) {
        Map<String, Object> frame = frame("error", null);
        frame.put("code", code);
        frame.put("message", message);
        return text(frame);
    }

    SubscribeFrame subscribe(String payload) {
        return json.readValue(payload, SubscribeFrame.class);
    }

    private static Map<String, Object> frame(String type, Long id) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        if (id != null) {
            frame.put("id", id);
        }
        return frame;
    }

    private TextMessage text(Map<String, Object> frame) {
        return new TextMessage(json.writeValueAsString(frame));
    }
}
