package dev.parley.ingress.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a hub delivers, like an SSE client that reads instantly. */
final class RecordingSubscriber implements StreamSubscriber {

    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean completed;
    volatile int heartbeats;
    volatile boolean gone;

    @Override
    public boolean send(StreamEvent event) {
        if (gone) {
            return false;
        }
        events.add(event);
        return true;
    }

    @Override
    public boolean heartbeat() {
        heartbeats++;
        return !gone;
    }

    @Override
    public void complete() {
        completed = true;
    }

    List<Long> sequences() {
        return events.stream().map(StreamEvent::sequence).toList();
    }
}
