package dev.parley.worker.provider;

/** Receives the answer's text as the provider produces it. */
@FunctionalInterface
public interface DeltaSink {

    void accept(String text);
}
