package dev.parley.ingress.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The buffered events and live subscribers of one request. Not thread-safe: {@link StreamHub} serializes all
 * access per request, which is what makes "subscribe, then replay" free of gaps and duplicates.
 */
final class RequestStream {

    private final List<StreamEvent> buffer = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Set<String> retiredAttempts = new HashSet<>();
    private String attemptId = "";
    // a worker that took over numbers from 0 again; clients keep seeing increasing ids
    private long offset;
    private long resetSequence = -1;
    private long lastSequence = -1;
    private long bufferedChars;
    private Instant lastActivity;
    private volatile Instant finishedAt;

    RequestStream(Instant now) {
        this.lastActivity = now;
    }

    /** @param at when the event happened: it is what the retention of the request counts from */
    void append(String attempt, StreamEvent source, StreamHub.Limits limits, Instant at) {
        if (finishedAt != null || retiredAttempts.contains(attempt)) {
            return; // something after the end, or from a worker that was taken over
        }
        if (!attempt.isEmpty() && !attempt.equals(attemptId)) {
            startAttempt(attempt);
        }
        StreamEvent event = source.withSequence(source.sequence() + offset);
        if (event.sequence() <= lastSequence && !event.terminal()) {
            return; // a redelivery, or something after the end
        }
        // a terminal event must never be lost to numbering (e.g. a worker that took over restarted at 0)
        StreamEvent accepted = event.sequence() > lastSequence ? event : event.withSequence(lastSequence + 1);
        lastSequence = accepted.sequence();
        touch(at);
        if (accepted.terminal()) {
            finishedAt = at;
        }
        if (accepted.terminal() || fits(accepted, limits)) {
            buffer.add(accepted);
            bufferedChars += accepted.chars();
        }
        subscriptions.removeIf(subscription -> !subscription.deliver(accepted));
    }

    /** The old attempt's text is void: forget it and tell live clients to clear theirs. */
    private void startAttempt(String attempt) {
        if (!attemptId.isEmpty()) {
            retiredAttempts.add(attemptId);
            resetSequence = lastSequence + 1;
            lastSequence = resetSequence;
            offset = resetSequence + 1;
            buffer.clear();
            bufferedChars = 0;
            subscriptions.removeIf(subscription -> !subscription.reset(resetSequence, attempt));
        }
        attemptId = attempt;
    }

    void subscribe(StreamSubscriber subscriber, long lastEventId, Instant now) {
        touch(now);
        var subscription = new Subscription(subscriber, lastEventId);
        // a client that resumes with text of the old attempt must clear it; a new one has nothing to clear
        if (lastEventId >= 0 && !subscription.reset(resetSequence, attemptId)) {
            return;
        }
        for (StreamEvent event : buffer) {
            if (!subscription.deliver(event)) {
                return;
            }
        }
        if (finishedAt != null) {
            subscriber.complete(); // the client already had the terminal event
            return;
        }
        subscriptions.add(subscription);
    }

    void unsubscribe(StreamSubscriber subscriber) {
        subscriptions.removeIf(subscription -> subscription.subscriber == subscriber);
    }

    void heartbeat() {
        subscriptions.removeIf(subscription -> !subscription.subscriber.heartbeat());
    }

    boolean finished() {
        return finishedAt != null;
    }

    boolean expired(Instant now, StreamHub.Limits limits) {
        Instant end = finishedAt;
        return end != null ? !end.plus(limits.retention()).isAfter(now)
                : !lastActivity.plus(limits.idleRetention()).isAfter(now);
    }

    /** Ends the remaining subscriptions when the stream is dropped. */
    void close() {
        subscriptions.forEach(subscription -> subscription.subscriber.complete());
        subscriptions.clear();
    }

    // an old event read while catching up must not make a request a client just subscribed to look idle
    private void touch(Instant at) {
        if (at.isAfter(lastActivity)) {
            lastActivity = at;
        }
    }

    private boolean fits(StreamEvent event, StreamHub.Limits limits) {
        return buffer.size() < limits.maxEvents() && bufferedChars + event.chars() <= limits.maxChars();
    }

    /** One subscriber's position: it never gets an event twice, nor one at or below its Last-Event-ID. */
    private static final class Subscription {

        private final StreamSubscriber subscriber;
        private long lastSent;

        Subscription(StreamSubscriber subscriber, long lastEventId) {
            this.subscriber = subscriber;
            this.lastSent = lastEventId;
        }

        /** False when the subscription has ended. */
        boolean reset(long sequence, String attempt) {
            if (sequence <= lastSent) {
                return true;
            }
            if (!subscriber.reset(sequence, attempt)) {
                return false;
            }
            lastSent = sequence;
            return true;
        }

        /** False when the subscription has ended. */
        boolean deliver(StreamEvent event) {
            if (event.sequence() <= lastSent) {
                return true;
            }
            if (!subscriber.send(event)) {
                return false;
            }
            lastSent = event.sequence();
            if (event.terminal()) {
                subscriber.complete();
                return false;
            }
            return true;
        }
    }
}
