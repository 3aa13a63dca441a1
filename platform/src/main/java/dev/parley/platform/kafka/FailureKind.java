package dev.parley.platform.kafka;

/** How a listener failure is handled. */
public enum FailureKind {

    /** A dependency is down or slow (broker, registry, database): back off and retry, without limit. */
    TRANSIENT,

    /** The record itself can never be processed (undeserializable, invalid): dead-letter it at once. */
    POISON,

    /** Anything else, e.g. a bug: a few retries, then dead-lettered, to be replayed once fixed. */
    UNKNOWN
}
