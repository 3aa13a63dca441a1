package dev.parley.bench.report;

import java.util.List;
import java.util.Map;

import dev.parley.bench.profile.RunSpec;

/**
 * Everything measured in one run.
 *
 * @param addedTtft        Parley's TTFT percentile minus the direct phase's, by API, in ms
 * @param processes        every process of the machine's side of the test over the Parley window
 * @param directProcesses  the upstream and the load generator over the direct window
 * @param mongoPerRequest  MongoDB commands per completed stream, by service and collection
 * @param mongoByCommand   the same by service and {@code collection command}
 * @param stages           the services' own latency histograms over the window, by metric name
 * @param ttftSamples      Parley's and the direct phase's TTFT samples in ms, for the plots
 */
public record RunResult(RunSpec spec, PhaseSummary direct, PhaseSummary parley, Map<String, Map<String, Double>> addedTtft,
        List<ProcessCost> processes, List<ProcessCost> directProcesses,
        Map<String, Map<String, Double>> mongoPerRequest, Map<String, Map<String, Double>> mongoByCommand,
        Map<String, LatencyDigest> stages, LatencyDigest debitLag, String note,
        Map<String, double[]> ttftSamples) {

    public double totalCpuMillisPerStream() {
        return processes.stream().mapToDouble(ProcessCost::cpuMillisPerStream).sum();
    }

    public double mongoCommandsPerRequest(String service) {
        return mongoPerRequest.getOrDefault(service, Map.of()).values().stream().mapToDouble(Double::doubleValue)
                .sum();
    }
}
