package dev.parley.ingress.limit;

import java.time.Duration;

import io.github.bucket4j.TimeMeter;

/** A bucket clock the test moves by hand (backwards too: parallel threads may read it out of order). */
final class ManualTime implements TimeMeter {

    private long nanos;

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
