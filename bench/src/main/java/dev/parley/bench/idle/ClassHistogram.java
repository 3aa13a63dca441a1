package dev.parley.bench.idle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.parley.bench.report.IdleMemory.ClassShare;

/**
 * The live objects of a JVM by class, as {@code jcmd <pid> GC.class_histogram} prints them (it runs a full GC
 * first, so the total is the heap after GC). The JVM's filler arrays ({@code jdk.internal.vm.FillerElement}: unused
 * space it keeps parseable, e.g. the unused ends of thread-local allocation buffers) are no objects: they count
 * neither in the total nor among the classes.
 *
 * @param totalBytes the histogram's {@code Total} line without the fillers: every live object's shallow size
 */
public record ClassHistogram(long totalBytes, Map<String, Entry> classes) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL = Pattern.compile("^\\s*Total\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final String FILLER = "jdk.internal.vm.Filler";

    public record Entry(long instances, long bytes) {
    }

    public static ClassHistogram parse(String text) {
        Map<String, Entry> classes = new HashMap<>();
        long total = -1;
        long filler = 0;
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches() && row.group(3).contains(FILLER)) {
                filler += Long.parseLong(row.group(2));
            } else if (row.matches()) {
                // the same name can appear twice (one class in two loaders): count them together
                classes.merge(row.group(3), new Entry(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new Entry(a.instances() + b.instances(), a.bytes() + b.bytes()));
                continue;
            }
            Matcher sum = TOTAL.matcher(line);
            if (sum.matches()) {
                total = Long.parseLong(sum.group(2));
            }
        }
        if (total < 0) {
            throw new IllegalArgumentException("not a class histogram (no Total line): "
                    + text.substring(0, Math.min(200, text.length())));
        }
        return new ClassHistogram(total - filler, Map.copyOf(classes));
    }

    /** The classes that grew most from {@code before} to this one, per {@code streams}, largest first. */
    public List<ClassShare> growthPerStream(ClassHistogram before, int streams, int limit) {
        if (streams <= 0) {
            return List.of();
        }
        List<ClassShare> grown = new ArrayList<>();
        classes.forEach((name, now) -> {
            Entry then = before.classes().getOrDefault(name, new Entry(0, 0));
            long bytes = now.bytes() - then.bytes();
            if (bytes > 0) {
                grown.add(new ClassShare(name, (now.instances() - then.instances()) / (double) streams,
                        bytes / (double) streams));
            }
        });
        grown.sort(Comparator.comparingDouble(ClassShare::bytesPerStream).reversed());
        return List.copyOf(grown.subList(0, Math.min(limit, grown.size())));
    }
}
