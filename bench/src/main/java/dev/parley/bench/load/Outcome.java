package dev.parley.bench.load;

/**
 * One request as the load generator saw it. Times are {@link System#nanoTime()} values.
 *
 * @param firstTokenNanos when the first non-empty content delta arrived; 0 when none did
 * @param tokens output tokens delivered: the usage the stream reported, else the number of content deltas
 * @param error what went wrong ({@link ErrorKinds}), null for a stream that ended normally
 */
public record Outcome(Api api, long startNanos, long firstTokenNanos, long endNanos, long tokens, String error) {

    public boolean ok() {
        return error == null;
    }

    public boolean hasFirstToken() {
        return firstTokenNanos > 0;
    }

    public double ttftMillis() {
        return (firstTokenNanos - startNanos) / 1e6;
    }
}
