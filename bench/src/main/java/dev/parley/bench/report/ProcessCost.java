package dev.parley.bench.report;

/** One process over the Parley phase's window: CPU in all and per completed stream, memory. */
public record ProcessCost(String name, long pid, double cpuSeconds, double cpuMillisPerStream, double rssMb,
        double peakRssMb) {
}
