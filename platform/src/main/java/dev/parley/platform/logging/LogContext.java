package dev.parley.platform.logging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The identifiers that let one chat request be followed through the three services' logs: the HTTP request id
 * ({@code X-Request-Id}), the user, the conversation and the chat request (the {@code requestId} of the events).
 * They live in the MDC while a request or record is handled, and travel between services as Kafka headers and as
 * the {@code X-Request-Id} HTTP header. Only identifiers: never a token, a key or a message body.
 */
public final class LogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String USER_ID = "userId";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String CHAT_REQUEST_ID = "chatRequestId";

    /** Every key this class manages, with the Kafka header that carries it. */
    public static final List<Key> KEYS = List.of(
            new Key(REQUEST_ID, "parley-request-id", null),
            new Key(USER_ID, "parley-user-id", "userId"),
            new Key(CONVERSATION_ID, "parley-conversation-id", "conversationId"),
            new Key(CHAT_REQUEST_ID, "parley-chat-request-id", "requestId"));

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final int MAX_LENGTH = 64;

    private LogContext() {
    }

    /**
     * An MDC key, the Kafka header that carries it, and the field of a Parley event that holds the same value
     * (null: none), read when a record comes without the header.
     */
    public record Key(String mdc, String header, String eventField) {
    }

    /** Identifiers are short and plain; anything else (a client's odd request id) is not put into logs. */
    public static boolean isSafe(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** Puts {@code value} under {@code key} when it is a safe identifier; leaves the MDC alone otherwise. */
    public static void put(String key, String value) {
        if (isSafe(value)) {
            MDC.put(key, value);
        }
    }

    /** Removes every key of this class from the MDC of the current thread. */
    public static void clear() {
        for (Key key : KEYS) {
            MDC.remove(key.mdc());
        }
    }

    /**
     * Puts the safe ones of {@code keysAndValues} (key, value, key, value...) into the MDC until the returned scope is
     * closed, which gives every key back the value it had before: for a log line about one item of a batch, inside
     * the batch's own context.
     */
    public static Scope scope(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        String[] previous = new String[keysAndValues.length / 2];
        for (int i = 0; i < keysAndValues.length; i += 2) {
            previous[i / 2] = MDC.get(keysAndValues[i]);
            put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return () -> {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                restore(keysAndValues[i], previous[i / 2]);
            }
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** A temporary change of the MDC; closing it undoes the change. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }

    /** Runs {@code task} with {@code context} as its MDC (the caller's copy), restoring nothing: for new threads. */
    public static Runnable wrap(Map<String, String> context, Runnable task) {
        if (context == null || context.isEmpty()) {
            return task;
        }
        return () -> {
            MDC.setContextMap(context);
            try {
                task.run();
            } finally {
                MDC.clear();
            }
        };
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The value of a string field of an Avro event, or null when it has none. */
    static String field(Object value, String name) {
        if (name == null || !(value instanceof GenericRecord record)) {
            return null;
        }
        Schema.Field field = record.getSchema().getField(name);
        if (field == null) {
            return null;
        }
        Object fieldValue = record.get(field.pos());
        return fieldValue == null ? null : fieldValue.toString();
    }
}
