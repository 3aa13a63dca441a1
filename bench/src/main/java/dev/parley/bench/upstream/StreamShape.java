package dev.parley.bench.upstream;

/**
 * How the mock upstream answers: {@code deltas} content deltas (one token each), {@code delayMillis} apart,
 * the first one {@code firstTokenDelayMillis} after the request arrived.
 */
public record StreamShape(int deltas, long delayMillis, long firstTokenDelayMillis) {

    public StreamShape {
        if (deltas < 1 || delayMillis < 0 || firstTokenDelayMillis < 0) {
            throw new IllegalArgumentException("deltas must be >= 1 and delays >= 0: " + deltas + ", " + delayMillis
                    + ", " + firstTokenDelayMillis);
        }
    }

    /** Time from the first delta to the last one. */
    public long streamMillis() {
        return (deltas - 1) * delayMillis;
    }
}
