package dev.parley.worker.call;

/** A provider and a model to ask: the requested one, or a fallback. */
public record Route(String provider, String model) {

    /** Parses {@code provider:model}; the model may contain colons itself ({@code ollama:llama3.1:8b}). */
    static Route parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("A fallback is written provider:model, not '" + spec + "'");
        }
        return new Route(spec.substring(0, colon).strip(), spec.substring(colon + 1).strip());
    }
}
