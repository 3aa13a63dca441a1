package dev.parley.bench.measure;

/**
 * One process over a measured window.
 *
 * @param cpuSeconds utime + stime spent in the window
 * @param rssMb resident memory at the end of the window
 * @param peakRssMb the highest resident memory since the process started (VmHWM)
 */
public record ProcessUsage(String name, long pid, double cpuSeconds, double rssMb, double peakRssMb) {
}
