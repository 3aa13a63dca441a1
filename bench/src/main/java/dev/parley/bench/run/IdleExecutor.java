package dev.parley.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.bench.idle.ClassHistogram;
import dev.parley.bench.idle.IdleStreams;
import dev.parley.bench.idle.Jcmd;
import dev.parley.bench.load.Api;
import dev.parley.bench.measure.ProcFiles;
import dev.parley.bench.report.IdleMemory;
import dev.parley.bench.setup.BenchSetup;
import dev.parley.bench.stack.RunningStack;
import dev.parley.bench.upstream.StreamShape;

/**
 * The idle profile: opens streams through the first api-ingress whose answers' first token the upstream holds back,
 * and measures that instance's heap after a full GC (its class histogram) and RSS with none, half and all of them
 * open, per API.
 */
public final class IdleExecutor {

    private static final Logger log = LoggerFactory.getLogger(IdleExecutor.class);
    /** Longer than any idle measurement: the answers stay silent until their clients go. */
    private static final StreamShape SILENT = new StreamShape(1, 0, Duration.ofMinutes(10).toMillis());
    /** Above api-ingress's heartbeat interval (15 s): its next write is what tells it that a client went away. */
    private static final Duration CLOSED_NOTICED = Duration.ofSeconds(20);
    /** A native stream counts as open once its GET was sent: time for api-ingress to take the last ones. */
    private static final Duration TAKEN = Duration.ofSeconds(10);
    private static final int WARM_UP_STREAMS = 10;
    private static final int TOP_CLASSES = 25;

    private final BenchContext context;
    private final ProcFiles proc = ProcFiles.system();

    public IdleExecutor(BenchContext context) {
        this.context = context;
    }

    public List<IdleMemory> execute(int streams, Set<Api> apis) throws InterruptedException {
        context.upstream().shape(SILENT);
        RunningStack.Instance ingress = context.stack().ingresses().getFirst();
        List<IdleMemory> results = new ArrayList<>();
        for (Api api : List.of(Api.NATIVE, Api.OPENAI)) {
            if (apis.contains(api)) {
                results.add(measure(api, ingress, streams));
            }
        }
        return results;
    }

    private IdleMemory measure(Api api, RunningStack.Instance ingress, int streams) throws InterruptedException {
        String name = api == Api.NATIVE ? "native" : "openai";
        try (IdleStreams warmUp = new IdleStreams(BenchSetup.MODEL)) {
            warmUp.open(api, ingress.baseUrl(), context.loadUsers(), WARM_UP_STREAMS);
        }
        Thread.sleep(CLOSED_NOTICED.toMillis());
        Snapshot none = snapshot(ingress.pid());
        try (IdleStreams held = new IdleStreams(BenchSetup.MODEL)) {
            int half = held.open(api, ingress.baseUrl(), context.loadUsers(), streams / 2);
            Thread.sleep(TAKEN.toMillis());
            Snapshot middle = snapshot(ingress.pid());
            int open = held.open(api, ingress.baseUrl(), context.loadUsers(), streams - streams / 2);
            Thread.sleep(TAKEN.toMillis());
            Snapshot all = snapshot(ingress.pid());
            log.info("  idle {}: {} of {} streams open{}", name, open, streams,
                    held.failures().isEmpty() ? "" : ", not opened: " + held.failures());
            return IdleMemory.of(name, streams, half, open,
                    new long[] {none.heap().totalBytes(), middle.heap().totalBytes(), all.heap().totalBytes()},
                    new long[] {none.rssKb(), middle.rssKb(), all.rssKb()},
                    all.heap().growthPerStream(middle.heap(), open - half, TOP_CLASSES));
        } finally {
            Thread.sleep(CLOSED_NOTICED.toMillis());
        }
    }

    private Snapshot snapshot(long pid) {
        ClassHistogram heap = Jcmd.classHistogram(pid);
        return new Snapshot(heap, proc.statusKb(pid, "VmRSS").orElse(-1));
    }

    private record Snapshot(ClassHistogram heap, long rssKb) {
    }
}
