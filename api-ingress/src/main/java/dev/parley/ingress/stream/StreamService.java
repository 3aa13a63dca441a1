package dev.parley.ingress.stream;

import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageQueries;

/**
 * Opens the SSE stream of an answer. While the request's events are in this instance's hub the client gets
 * them exactly (replay, then live); an answer that finished before, and whose events are gone, is rebuilt
 * from the stored message.
 */
@Service
class StreamService {

    private final MessageQueries messages;
    private final StreamHub hub;
    private final SseWriters writers;
    private final StreamProperties properties;
    private final AnswerStreams answers;

    StreamService(MessageQueries messages, StreamHub hub, SseWriters writers, StreamProperties properties,
            AnswerStreams answers) {
        this.messages = messages;
        this.hub = hub;
        this.writers = writers;
        this.properties = properties;
        this.answers = answers;
    }

    /** @param lastEventId the last sequence the client has, or -1 */
    SseEmitter open(String userId, String conversationId, String messageId, long lastEventId) {
        MessageDocument answer = messages.requireOwnedAnswer(userId, conversationId, messageId);
        SseEmitter emitter = new SseEmitter(properties.sseTimeout().toMillis());
        SseSubscriber subscriber = writers.subscriber(emitter);
        if (answer.status().finished() && !hub.hasTerminal(answer.requestId())) {
            StreamEvents.replay(answer, lastEventId).forEach(subscriber::send);
            subscriber.complete();
            return emitter;
        }
        return answers.attach(answer.requestId(), emitter, subscriber, lastEventId);
    }

    /**
     * Follows an answer for a subscriber of another transport, with the same ownership check and replay as SSE.
     *
     * @param subscriberFor creates the subscriber for the answer's request id
     */
    void follow(String userId, String conversationId, String messageId, long lastEventId,
            Function<String, StreamSubscriber> subscriberFor) {
        MessageDocument answer = messages.requireOwnedAnswer(userId, conversationId, messageId);
        StreamSubscriber subscriber = subscriberFor.apply(answer.requestId());
        if (answer.status().finished() && !hub.hasTerminal(answer.requestId())) {
            StreamEvents.replay(answer, lastEventId).forEach(subscriber::send);
            subscriber.complete();
            return;
        }
        hub.subscribe(answer.requestId(), subscriber, lastEventId);
    }
}
