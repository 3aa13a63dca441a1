package dev.parley.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.parley.bench.measure.PrometheusText.Sample;

class PrometheusTextTest {

    private static final String BEFORE = """
            # HELP mongodb_driver_commands_seconds Timer of mongodb commands
            # TYPE mongodb_driver_commands_seconds summary
            mongodb_driver_commands_seconds_count{cluster_id="c1",collection="users",command="find",status="SUCCESS"} 10
            mongodb_driver_commands_seconds_count{cluster_id="c1",collection="messages",command="insert",status="SUCCESS"} 4
            mongodb_driver_commands_seconds_sum{cluster_id="c1",collection="users",command="find",status="SUCCESS"} 0.5
            parley_worker_time_to_first_token_seconds_bucket{provider="mock",le="0.001"} 0
            parley_worker_time_to_first_token_seconds_bucket{provider="mock",le="0.01"} 2
            parley_worker_time_to_first_token_seconds_bucket{provider="mock",le="+Inf"} 2
            process_uptime_seconds 120.5
            """;
    private static final String AFTER = """
            mongodb_driver_commands_seconds_count{cluster_id="c1",collection="users",command="find",status="SUCCESS"} 30
            mongodb_driver_commands_seconds_count{cluster_id="c1",collection="users",command="update",status="SUCCESS"} 5
            mongodb_driver_commands_seconds_count{cluster_id="c1",collection="messages",command="insert",status="SUCCESS"} 24
            parley_worker_time_to_first_token_seconds_bucket{provider="mock",le="0.001"} 50
            parley_worker_time_to_first_token_seconds_bucket{provider="mock",le="0.01"} 100
            parley_worker_time_to_first_token_seconds_bucket{provider="mock",le="+Inf"} 102
            parley_worker_time_to_first_token_seconds_bucket{provider="other",le="0.001"} 0
            parley_worker_time_to_first_token_seconds_bucket{provider="other",le="0.01"} 0
            parley_worker_time_to_first_token_seconds_bucket{provider="other",le="+Inf"} 0
            """;

    @Test
    void parsesNamesLabelsAndValuesSkippingComments() {
        List<Sample> samples = PrometheusText.parse(BEFORE);

        assertThat(samples).hasSize(7);
        assertThat(samples.getFirst()).isEqualTo(new Sample("mongodb_driver_commands_seconds_count",
                Map.of("cluster_id", "c1", "collection", "users", "command", "find", "status", "SUCCESS"), 10));
        assertThat(samples.getLast()).isEqualTo(new Sample("process_uptime_seconds", Map.of(), 120.5));
    }

    @Test
    void unescapesLabelValuesAndReadsInfinity() {
        Sample sample = PrometheusText.parseLine("m{path=\"a \\\"b\\\" \\\\c, d}\",le=\"+Inf\"} +Inf 1712345678");

        assertThat(sample.labels()).containsEntry("path", "a \"b\" \\c, d}").containsEntry("le", "+Inf");
        assertThat(sample.value()).isInfinite();
    }

    @Test
    void countsMongoCommandsOfTheWindowByCollectionAndByCommand() {
        var deltas = new MetricDeltas(PrometheusText.parse(BEFORE), PrometheusText.parse(AFTER));

        assertThat(deltas.mongoCommands(false)).containsExactly(Map.entry("messages", 20.0), Map.entry("users", 25.0));
        assertThat(deltas.mongoCommands(true)).containsEntry("users find", 20.0).containsEntry("users update", 5.0)
                .containsEntry("messages insert", 20.0);
    }

    @Test
    void histogramBucketsOfTheWindowAreSummedOverLabels() {
        var deltas = new MetricDeltas(PrometheusText.parse(BEFORE), PrometheusText.parse(AFTER));

        assertThat(deltas.histograms()).containsExactly("parley_worker_time_to_first_token_seconds");
        TreeMap<Double, Double> buckets = deltas.bucketDeltas("parley_worker_time_to_first_token_seconds");
        assertThat(buckets).containsEntry(0.001, 50.0).containsEntry(0.01, 98.0)
                .containsEntry(Double.POSITIVE_INFINITY, 100.0);
    }

    @Test
    void quantilesInterpolateInsideTheirBucket() {
        TreeMap<Double, Double> buckets = new TreeMap<>(Map.of(0.001, 50.0, 0.01, 98.0,
                Double.POSITIVE_INFINITY, 100.0));

        assertThat(MetricDeltas.quantile(buckets, 0.25)).hasValueSatisfying(v -> assertThat(v).isCloseTo(0.0005,
                within(1e-9)));
        assertThat(MetricDeltas.quantile(buckets, 0.74)).hasValueSatisfying(v -> assertThat(v).isCloseTo(0.0055,
                within(1e-9)));
        // beyond the last finite bucket the best statement is its bound
        assertThat(MetricDeltas.quantile(buckets, 0.995)).hasValue(0.01);
        assertThat(MetricDeltas.quantile(new TreeMap<>(), 0.5)).isEmpty();
    }
}
