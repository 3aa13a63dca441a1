package dev.parley.bench.load;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.Request;

/**
 * A console line per failed call (the first {@link #LIMIT} of a process): what failed, on which request, and the
 * {@code X-Request-Id} the bench sent with it, which api-ingress adopts and puts on its log lines. A rare failure (one
 * stream of thousands that never got its first token) can then be followed through the stack's logs, which the bench
 * keeps under {@code $PARLEY_HOME/bench/logs} until the next run.
 */
final class ErrorTrace {

    static final String REQUEST_ID = "X-Request-Id";
    static final int LIMIT = 20;
    private static final AtomicInteger REPORTED = new AtomicInteger();

    private ErrorTrace() {
    }

    static String newRequestId() {
        return "bench-" + UUID.randomUUID();
    }

    static void report(Outcome outcome, Request request) {
        if (outcome.ok() || outcome.error().equals("timeout run-ended") || REPORTED.incrementAndGet() > LIMIT) {
            return;
        }
        System.out.printf("  failed call: %s, %s %s %s, %s %s, after %d ms%n", outcome.error(), outcome.api(),
                request.method(), request.url().encodedPath(), REQUEST_ID, request.header(REQUEST_ID),
                (outcome.endNanos() - outcome.startNanos()) / 1_000_000);
    }
}
