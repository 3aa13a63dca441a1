package dev.parley.ingress.stream;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.ingress.message.PendingAnswers;

/**
 * Follows a stored answer for a client of any transport. While the request's events are in this instance's hub
 * the subscriber gets them exactly (replay, then live); an answer that finished before, and whose events are gone,
 * is rebuilt from the stored message.
 */
@Component
public class AnswerFeed {

    private final MessageQueries messages;
    private final PendingAnswers pending;
    private final StreamHub hub;

    AnswerFeed(MessageQueries messages, PendingAnswers pending, StreamHub hub) {
        this.messages = messages;
        this.pending = pending;
        this.hub = hub;
    }

    /**
     * Checks that the user owns the answer (a foreign or unknown one is a 404; one this instance has just stored,
     * see {@link PendingAnswers}, without reading it), then feeds it to a subscriber.
     *
     * @param lastEventId the last sequence the client has, or -1
     * @param subscriberFor creates the subscriber for the answer's request id
     */
    public void follow(String userId, String conversationId, String messageId, long lastEventId,
            Function<String, StreamSubscriber> subscriberFor) {
        // the stream a client opens right after its post needs no read: this instance just stored the answer
        MessageDocument answer = pending.take(userId, conversationId, messageId)
                .orElseGet(() -> messages.requireOwnedAnswer(userId, conversationId, messageId));
        StreamSubscriber subscriber = subscriberFor.apply(answer.requestId());
        if (answer.status().finished() && !hub.hasTerminal(answer.requestId())) {
            StreamEvents.replay(answer, lastEventId).forEach(subscriber::send);
            subscriber.complete();
            return;
        }
        hub.subscribe(answer.requestId(), subscriber, lastEventId);
    }
}
