package dev.parley.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.bench.measure.PrometheusText;
import dev.parley.bench.measure.ProcessUsage;

class RunAssemblyTest {

    @Test
    void sumsMongoCommandsOverInstancesOfAService() {
        var before = Map.of(
                "api-ingress", PrometheusText.parse("mongodb_driver_commands_seconds_count{collection=\"users\",command=\"find\"} 1\n"),
                "api-ingress-2", PrometheusText.parse("mongodb_driver_commands_seconds_count{collection=\"users\",command=\"find\"} 0\n"));
        var after = Map.of(
                "api-ingress", PrometheusText.parse("mongodb_driver_commands_seconds_count{collection=\"users\",command=\"find\"} 11\n"),
                "api-ingress-2", PrometheusText.parse("mongodb_driver_commands_seconds_count{collection=\"users\",command=\"find\"} 10\n"),
                "llm-worker", PrometheusText.parse("process_uptime_seconds 5\n"));

        var totals = RunAssembly.mongo(before, after, false);

        assertThat(totals).containsOnlyKeys("api-ingress");
        assertThat(RunExecutor.perRequest(totals, 10).get("api-ingress")).containsEntry("users", 2.0);
    }

    @Test
    void stagesAreTheServicesParleyHistogramsInMilliseconds() {
        var before = Map.of("usage-accounting", PrometheusText.parse(""));
        var after = Map.of("usage-accounting", PrometheusText.parse("""
                parley_accounting_debit_lag_seconds_bucket{le="0.1"} 50
                parley_accounting_debit_lag_seconds_bucket{le="1.0"} 100
                parley_accounting_debit_lag_seconds_bucket{le="+Inf"} 100
                http_server_requests_seconds_bucket{le="0.1"} 7
                """));

        var stages = RunAssembly.stages(before, after);

        assertThat(stages).containsOnlyKeys("parley_accounting_debit_lag_seconds");
        assertThat(stages.get("parley_accounting_debit_lag_seconds").p50()).isEqualTo(100.0);
        var lag = RunExecutor.debitLag(stages, List.of(5.0));
        assertThat(lag.method()).startsWith("metric parley_accounting_debit_lag_seconds");
        assertThat(lag.samples()).isEqualTo(100);
    }

    @Test
    void withoutTheMetricTheDebitLagIsTheProbes() {
        var lag = RunExecutor.debitLag(Map.of(), List.of(30.0, 10.0, 20.0));

        assertThat(lag.method()).startsWith("probe");
        assertThat(lag.p50()).isEqualTo(20.0);
        assertThat(lag.p99()).isEqualTo(30.0);
    }

    @Test
    void cpuPerStreamDividesTheWindowsCpuByCompletedStreams() {
        var costs = RunExecutor.costs(List.of(new ProcessUsage("api-ingress", 1, 2.0, 0.5, 300, 350)), 400);

        assertThat(costs.getFirst().cpuMillisPerStream()).isEqualTo(5.0);
        assertThat(RunExecutor.costs(List.of(new ProcessUsage("x", 1, 2.0, 0, 1, 1)), 0).getFirst().cpuMillisPerStream())
                .isZero();
    }
}
