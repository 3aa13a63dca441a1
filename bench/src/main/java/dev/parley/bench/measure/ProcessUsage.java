package dev.parley.bench.measure;

/**
 * One process over a measured window.
 *
 * @param cpuSeconds utime + stime spent in the window
 * @param jitSeconds of it, what the JVM's JIT compiler threads spent (0 for a process that is not a JVM)
 * @param rssMb resident memory at the end of the window
 * @param peakRssMb the highest resident memory since the process started (VmHWM)
 */
public record ProcessUsage(String name, long pid, double cpuSeconds, double jitSeconds, double rssMb,
        double peakRssMb) {
}
