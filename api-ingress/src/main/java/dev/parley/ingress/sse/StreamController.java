package dev.parley.ingress.sse;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Messages")
class StreamController {

    private final AnswerStreams streams;

    StreamController(AnswerStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/api/conversations/{conversationId}/messages/{messageId}/stream")
    @Operation(summary = "Stream an answer (Server-Sent Events)", description = "`delta`, then `done` or `error` "
            + "events with ids; send `Last-Event-ID` to resume after a reconnect.")
    SseEmitter stream(Authentication user, @PathVariable String conversationId, @PathVariable String messageId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(user.getName(), conversationId, messageId, parse(lastEventId));
    }

    /** An id this service never sent counts as none: the client then gets the whole stream. */
    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Math.max(-1, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
