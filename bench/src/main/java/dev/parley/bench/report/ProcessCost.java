package dev.parley.bench.report;

/**
 * One process over the Parley phase's window: CPU in all and per completed stream, memory.
 *
 * @param jitSeconds of {@code cpuSeconds}, what the JIT compiler threads spent: a service still compiling its request
 *        path is dearer per stream than it will be once compiled
 */
public record ProcessCost(String name, long pid, double cpuSeconds, double jitSeconds, double cpuMillisPerStream,
        double rssMb, double peakRssMb) {
}
