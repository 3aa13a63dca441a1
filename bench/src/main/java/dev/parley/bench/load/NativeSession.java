package dev.parley.bench.load;

import java.util.function.Supplier;

/**
 * One native client's conversation: a few turns, then a new one, like a chat user. A failed turn abandons the
 * conversation (its answer may still be pending). Used by one client thread only.
 */
public final class NativeSession {

    private final int turnsPerConversation;
    private String conversationId;
    private int turns;

    public NativeSession(int turnsPerConversation) {
        this.turnsPerConversation = Math.max(1, turnsPerConversation);
    }

    /** The conversation to post to; {@code create} answers an id, or {@code "!" + error}. */
    String conversationFor(Supplier<String> create) {
        if (conversationId == null || turns >= turnsPerConversation) {
            String created = create.get();
            if (created.startsWith("!")) {
                return created;
            }
            conversationId = created;
            turns = 0;
        }
        return conversationId;
    }

    void answered(boolean ok) {
        turns++;
        if (!ok) {
            abandon();
        }
    }

    void abandon() {
        conversationId = null;
    }
}
