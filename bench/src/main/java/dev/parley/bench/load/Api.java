package dev.parley.bench.load;

/** How a request reaches the model: Parley's native API, Parley's /v1, or the upstream called directly. */
public enum Api {
    NATIVE, OPENAI, DIRECT
}
