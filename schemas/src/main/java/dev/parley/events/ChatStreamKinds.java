package dev.parley.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code parley-stream-kind} header of {@code chat.stream} records: what a {@link ChatStreamed} record's payload
 * is ({@code delta}, {@code completed}, {@code failed}), readable without decoding the record. llm-worker writes it
 * on every record, so that a reader that wants only terminal events (api-ingress's persisting consumer) skips the
 * deltas, twenty-odd per answer, before the Avro decoder sees them. It only ever saves work: records of producers
 * that predate it carry none, and readers decode those (and any kind they do not know) as before.
 */
public final class ChatStreamKinds {

    public static final String HEADER = "parley-stream-kind";
    public static final String DELTA = "delta";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    private static final byte[] DELTA_BYTES = DELTA.getBytes(StandardCharsets.UTF_8);

    private ChatStreamKinds() {
    }

    /** The kind of a {@link ChatStreamed} payload. */
    public static String of(Object payload) {
        return switch (payload) {
            case TokensGenerated delta -> DELTA;
            case ChatCompleted completed -> COMPLETED;
            case ChatFailed failed -> FAILED;
            default -> throw new IllegalArgumentException("not a ChatStreamed payload: " + payload);
        };
    }

    /** The header's value (UTF-8) for a payload. */
    public static byte[] headerValue(Object payload) {
        return of(payload).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a header value says the record is a delta; false when there is no header (null) or another kind. */
    public static boolean isDelta(byte[] headerValue) {
        return headerValue != null && Arrays.equals(headerValue, DELTA_BYTES);
    }
}
