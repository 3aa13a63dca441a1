package dev.parley.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Runs a {@link LoadPlan}: one virtual thread per client, each sending one request at a time. */
public final class ClosedLoop {

    private final LoadPlan plan;
    private final IntFunction<Outcome> request;
    private final Runnable cancelRunning;
    private final ConcurrentLinkedQueue<Outcome> measured = new ConcurrentLinkedQueue<>();
    private final AtomicLong measuredStarted = new AtomicLong();
    private final AtomicLong measuredEnded = new AtomicLong();
    private volatile boolean stopping;
    private volatile long windowStart = Long.MAX_VALUE;

    /**
     * @param request sends one request for the client of that index and returns how it went
     * @param cancelRunning cancels every request still running (called when the drain time is over)
     */
    public ClosedLoop(LoadPlan plan, IntFunction<Outcome> request, Runnable cancelRunning) {
        this.plan = plan;
        this.request = request;
        this.cancelRunning = cancelRunning;
    }

    public LoadResult run(WindowListener listener) throws InterruptedException {
        CountDownLatch clientsDone = new CountDownLatch(plan.concurrency());
        for (int i = 0; i < plan.concurrency(); i++) {
            int client = i;
            Thread.ofVirtual().name("client-" + i).start(() -> {
                try {
                    loop(client);
                } finally {
                    clientsDone.countDown();
                }
            });
        }
        if (clientsDone.await(plan.warmup().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("every client stopped during the warm-up");
        }
        windowStart = System.nanoTime();
        listener.windowStarted();
        long deadline = windowStart + plan.duration().toNanos();
        while (System.nanoTime() < deadline && measuredEnded.get() < plan.maxRequests()
                && clientsDone.getCount() > 0) {
            clientsDone.await(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                    TimeUnit.MILLISECONDS);
        }
        long windowEnd = System.nanoTime();
        stopping = true;
        listener.windowEnded();
        if (!clientsDone.await(plan.drain().toMillis(), TimeUnit.MILLISECONDS)) {
            cancelRunning.run();
            clientsDone.await(10, TimeUnit.SECONDS);
        }
        return new LoadResult(List.copyOf(measured), windowStart, windowEnd);
    }

    private void loop(int client) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stopping) {
            long think = plan.jitter().toMillis();
            if (think > 0 && !sleep(random.nextLong(think + 1))) {
                return;
            }
            if (stopping) {
                return;
            }
            boolean inWindow = System.nanoTime() >= windowStart;
            if (inWindow && measuredStarted.incrementAndGet() > plan.maxRequests()) {
                return;
            }
            Outcome outcome = request.apply(client);
            if (inWindow) {
                measured.add(outcome);
                measuredEnded.incrementAndGet();
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
