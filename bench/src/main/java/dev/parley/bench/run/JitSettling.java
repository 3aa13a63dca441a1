package dev.parley.bench.run;

import java.time.Duration;

/**
 * When a warm-up has done its job: the stack's JIT compilers have all but stopped. On two cores a Spring service's
 * C2 compiler keeps working for minutes under load (it gets only a share of the saturated cores), and what it
 * spends is CPU the measured runs would count against their streams, on top of the slower code that runs
 * meanwhile. So the warm-up goes on, slice by slice, until the compiler threads spent at most {@code settledShare}
 * of the stack's CPU in two slices in a row (the warm-up's two loads take turns, and each has code of its own to
 * compile), and at least {@code minimum} and at most {@code maximum} in all.
 */
record JitSettling(Duration minimum, Duration maximum, double settledShare) {

    /** 3 %: compiling then costs a stream about as much as the machine's own noise between runs. */
    static final double SETTLED_SHARE = 0.03;

    static JitSettling upTo(Duration maximum) {
        Duration minimum = Duration.ofSeconds(20);
        return new JitSettling(minimum.compareTo(maximum) < 0 ? minimum : maximum, maximum, SETTLED_SHARE);
    }

    /**
     * Whether the last slice was quiet: past the minimum, and its compiler threads took at most the settled share.
     *
     * @param elapsed warm-up so far
     * @param compileSeconds CPU of the stack's compiler threads in the last slice
     * @param stackSeconds CPU of the stack's processes in the last slice
     */
    boolean quiet(Duration elapsed, double compileSeconds, double stackSeconds) {
        return elapsed.compareTo(minimum) >= 0 && compileSeconds <= settledShare * stackSeconds;
    }

    /** The warm-up ends: the maximum is reached, or the last slice and the one before it were quiet. */
    boolean settled(Duration elapsed, boolean lastQuiet, boolean previousQuiet) {
        return reachedMaximum(elapsed) || lastQuiet && previousQuiet;
    }

    boolean reachedMaximum(Duration elapsed) {
        return elapsed.compareTo(maximum) >= 0;
    }

    /** The compiler threads' share of the stack's CPU, for the log. */
    static double share(double compileSeconds, double stackSeconds) {
        return stackSeconds <= 0 ? 0 : compileSeconds / stackSeconds;
    }
}
