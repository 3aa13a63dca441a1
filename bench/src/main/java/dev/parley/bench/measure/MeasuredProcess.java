package dev.parley.bench.measure;

/** A process whose CPU and memory the bench reports, e.g. {@code api-ingress-2} and its JVM's pid. */
public record MeasuredProcess(String name, long pid) {
}
