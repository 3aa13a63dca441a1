package dev.parley.bench.report;

import java.util.List;

/**
 * What api-ingress holds per open, idle stream of one API: its heap after a full GC and its RSS with no stream of
 * the run open, with half of them open and with all of them open. The per-stream figures are the growth from half
 * to all, divided by the streams opened in between: the HTTP server keeps recycled objects and pooled buffers of
 * closed connections for reuse, so the first streams opened partly reuse memory that was already counted before.
 *
 * @param api         {@code native} (a message's SSE stream) or {@code openai} ({@code /v1} with {@code stream})
 * @param requested   streams the run tried to open
 * @param half        streams open at the half-way snapshot
 * @param open        streams open at the last snapshot
 * @param heapBytes   heap after GC at zero, half and all streams open
 * @param rssKb       VmRSS at zero, half and all streams open
 * @param heapKbPerStream heap after GC per stream in KB (1024 bytes): the growth from half to all
 * @param rssKbPerStream  RSS per stream in KB: the growth from half to all
 * @param heapKbPerStreamFromNone heap after GC per stream from none open to all: includes what the first ones reused
 * @param topClasses  the classes that grew most from half to all, per stream
 */
public record IdleMemory(String api, int requested, int half, int open, long[] heapBytes, long[] rssKb,
        double heapKbPerStream, double rssKbPerStream, double heapKbPerStreamFromNone, List<ClassShare> topClasses) {

    /** One class's growth per stream. */
    public record ClassShare(String className, double instancesPerStream, double bytesPerStream) {
    }

    /** The figures of three snapshots (none, half and all open; heap in bytes, RSS in KB). */
    public static IdleMemory of(String api, int requested, int half, int open, long[] heapBytes, long[] rssKb,
            List<ClassShare> topClasses) {
        return new IdleMemory(api, requested, half, open, heapBytes.clone(), rssKb.clone(),
                perStream(heapBytes[2] - heapBytes[1], open - half) / 1024,
                perStream(rssKb[2] - rssKb[1], open - half),
                perStream(heapBytes[2] - heapBytes[0], open) / 1024, List.copyOf(topClasses));
    }

    private static double perStream(long growth, int streams) {
        return streams <= 0 ? Double.NaN : growth / (double) streams;
    }
}
