package dev.parley.bench.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.parley.bench.load.Api;
import dev.parley.bench.load.Outcome;
import dev.parley.bench.load.StreamCalls;
import dev.parley.bench.setup.JsonHttp;

/**
 * Debit lag where usage-accounting has no lag metric: once a second each probe user (no other load uses them)
 * streams one /v1 answer; from the moment its stream ended (when the worker published its usage) the probe polls the
 * user's {@code debitedTokens} every 25 ms until it moved. The lag so measured includes up to one poll (25 ms plus a
 * GET).
 */
final class DebitLagProbe {

    static final String METHOD = "probe: one /v1 stream a second by each of " + BenchContext.PROBE_USERS
            + " users no other load uses, balance polled every 25 ms from the stream's end until debited";
    private static final long POLL_MILLIS = 25;
    private static final long GIVE_UP_NANOS = 15_000_000_000L;

    private final StreamCalls calls;
    private final JsonHttp http;
    private final String ingress;
    private final List<String> keys;
    private final List<Double> lags = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new java.util.ArrayList<>();
    private volatile boolean stopped;

    DebitLagProbe(StreamCalls calls, JsonHttp http, String ingress, List<String> keys) {
        this.calls = calls;
        this.http = http;
        this.ingress = ingress;
        this.keys = List.copyOf(keys);
    }

    void start() {
        keys.forEach(key -> threads.add(Thread.ofVirtual().name("debit-lag-probe").start(() -> loop(key))));
    }

    /** The lags measured, in ms. */
    List<Double> stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(GIVE_UP_NANOS / 1_000_000 + 5_000);
        }
        return List.copyOf(lags);
    }

    private void loop(String key) {
        while (!stopped) {
            long before = debited(key);
            Outcome outcome = calls.openAi(Api.OPENAI, ingress, key, "How long does a debit take?");
            if (outcome.ok() && before >= 0) {
                measure(key, before, outcome.endNanos());
            }
            pause(1000);
        }
    }

    private void measure(String key, long before, long streamEnded) {
        while (System.nanoTime() - streamEnded < GIVE_UP_NANOS) {
            long now = debited(key);
            if (now > before) {
                lags.add((System.nanoTime() - streamEnded) / 1e6);
                return;
            }
            pause(POLL_MILLIS);
        }
    }

    private long debited(String key) {
        try {
            JsonHttp.Reply reply = http.send("GET", ingress + "/api/me/usage", key, null);
            return reply.ok() ? reply.body().path("debitedTokens").asLong(-1) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
