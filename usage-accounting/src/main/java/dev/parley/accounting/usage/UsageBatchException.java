package dev.parley.accounting.usage;

/**
 * Some usages of a batch could not be applied: every usage before {@link #index()} was applied completely (or had
 * been before), the one at the index failed with the cause, and those after it may or may not have been applied.
 * Redelivering from the index is therefore safe and enough.
 */
class UsageBatchException extends RuntimeException {

    private final int index;

    UsageBatchException(int index, String eventId, Throwable cause) {
        super("Usage " + eventId + " (position " + index + " of its batch) not applied: " + cause.getMessage(), cause);
        this.index = index;
    }

    int index() {
        return index;
    }
}
