package dev.parley.ingress.stream;

/** One SSE event of a request's stream; {@code sequence} is its SSE id. */
public record StreamEvent(long sequence, StreamData data) {

    /** The event's name on the wire: {@code delta}, {@code done} or {@code error}. */
    public String name() {
        return switch (data) {
            case StreamData.Delta delta -> "delta";
            case StreamData.Done done -> "done";
            case StreamData.Failure failure -> "error";
        };
    }

    /** Whether the event ends the answer ({@code done} or {@code error}). */
    public boolean terminal() {
        return !(data instanceof StreamData.Delta);
    }

    /** Text held, for the buffer's bound. */
    long chars() {
        return switch (data) {
            case StreamData.Delta delta -> delta.text().length();
            case StreamData.Done done -> done.content().length();
            case StreamData.Failure failure -> failure.message().length();
        };
    }

    StreamEvent withSequence(long newSequence) {
        return new StreamEvent(newSequence, data);
    }
}
