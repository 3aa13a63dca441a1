package dev.parley.worker.limits;

/** A granted admission to a provider; closed exactly once, when the call ended. */
@FunctionalInterface
public interface Permit extends AutoCloseable {

    /** Admission to a provider without limits. */
    Permit NONE = () -> { };

    @Override
    void close();
}
