package dev.parley.ingress.sse;

import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.stream.AnswerFeed;
import dev.parley.ingress.stream.StreamProperties;

/** Opens the SSE stream of a stored answer: replay, then live events, as the stream feature feeds them. */
@Service
class StreamService {

    private final AnswerFeed feed;
    private final SseWriters writers;
    private final StreamProperties properties;
    private final AnswerStreams answers;

    StreamService(AnswerFeed feed, SseWriters writers, StreamProperties properties, AnswerStreams answers) {
        this.feed = feed;
        this.writers = writers;
        this.properties = properties;
        this.answers = answers;
    }

    /** @param lastEventId the last sequence the client has, or -1 */
    SseEmitter open(String userId, String conversationId, String messageId, long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.sseTimeout().toMillis());
        SseSubscriber subscriber = writers.subscriber(emitter);
        feed.follow(userId, conversationId, messageId, lastEventId,
                requestId -> answers.attached(requestId, emitter, subscriber));
        return emitter;
    }
}
