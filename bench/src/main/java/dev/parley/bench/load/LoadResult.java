package dev.parley.bench.load;

import java.util.List;

/**
 * The measured requests of one closed-loop run and its window, as {@link System#nanoTime()} values.
 *
 * @param outcomes requests that started inside the window (also those that ended after it)
 */
public record LoadResult(List<Outcome> outcomes, long windowStartNanos, long windowEndNanos) {

    public double windowSeconds() {
        return (windowEndNanos - windowStartNanos) / 1e9;
    }

    /** Streams that ended normally inside the window. */
    public long completedInWindow() {
        return outcomes.stream().filter(o -> o.ok() && o.endNanos() <= windowEndNanos).count();
    }

    /** Output tokens of the streams that ended normally inside the window. */
    public long tokensInWindow() {
        return outcomes.stream().filter(o -> o.ok() && o.endNanos() <= windowEndNanos).mapToLong(Outcome::tokens)
                .sum();
    }
}
