package dev.parley.bench.measure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import dev.parley.bench.measure.PrometheusText.Sample;

/** What changed between two scrapes of one service: counters and histogram buckets over a measured window. */
public final class MetricDeltas {

    static final String MONGO_COMMANDS = "mongodb_driver_commands_seconds_count";

    private final List<Sample> before;
    private final List<Sample> after;

    public MetricDeltas(List<Sample> before, List<Sample> after) {
        this.before = before;
        this.after = after;
    }

    /** MongoDB commands the service's driver ran in the window, by collection (or by {@code collection command}). */
    public Map<String, Double> mongoCommands(boolean byCommand) {
        return sumDelta(MONGO_COMMANDS, labels -> byCommand
                ? labels.getOrDefault("collection", "?") + " " + labels.getOrDefault("command", "?")
                : labels.getOrDefault("collection", "?"));
    }

    /** Names of the histograms ({@code <name>_bucket}) the service exposes. */
    public List<String> histograms() {
        return after.stream().map(Sample::name).filter(name -> name.endsWith("_bucket"))
                .map(name -> name.substring(0, name.length() - "_bucket".length())).distinct().sorted().toList();
    }

    /** Bucket counts of histogram {@code name} gained in the window, summed over all other labels, by upper bound. */
    public TreeMap<Double, Double> bucketDeltas(String name) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        sumDelta(name + "_bucket", labels -> labels.get("le")).forEach((le, count) -> buckets.put(
                le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), count));
        return buckets;
    }

    /** The {@code quantile} (0..1) of a cumulative histogram's window, by linear interpolation inside the bucket. */
    public static Optional<Double> quantile(TreeMap<Double, Double> cumulative, double quantile) {
        if (cumulative.isEmpty() || cumulative.lastEntry().getValue() <= 0) {
            return Optional.empty();
        }
        double rank = quantile * cumulative.lastEntry().getValue();
        double lowerBound = 0;
        double lowerCount = 0;
        for (var bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return Optional.of(lowerBound);
                }
                double width = bucket.getValue() - lowerCount;
                double fraction = width <= 0 ? 1 : (rank - lowerCount) / width;
                return Optional.of(lowerBound + (bucket.getKey() - lowerBound) * fraction);
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return Optional.of(lowerBound);
    }

    private Map<String, Double> sumDelta(String metric, Function<Map<String, String>, String> key) {
        Map<String, Double> sums = new TreeMap<>();
        after.stream().filter(s -> s.name().equals(metric))
                .forEach(s -> sums.merge(key.apply(s.labels()), s.value(), Double::sum));
        before.stream().filter(s -> s.name().equals(metric))
                .forEach(s -> sums.merge(key.apply(s.labels()), -s.value(), Double::sum));
        sums.values().removeIf(v -> v == 0);
        return sums;
    }
}
