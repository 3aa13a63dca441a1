package dev.parley.platform.kafka;

/**
 * An event that can never be processed, however often it is retried: it goes straight to the
 * dead-letter topic instead of holding up its partition.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
