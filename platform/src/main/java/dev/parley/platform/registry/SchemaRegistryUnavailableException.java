package dev.parley.platform.registry;

/**
 * The schema registry did not answer in time, or could not be reached: a transient failure. A record whose schema
 * could not be looked up because of it is retried, never dead-lettered.
 */
public class SchemaRegistryUnavailableException extends RuntimeException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
