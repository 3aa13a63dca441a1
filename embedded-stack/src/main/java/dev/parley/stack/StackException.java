package dev.parley.stack;

/** A start-up problem the user can act on: its message is printed as is, without a stack trace. */
final class StackException extends RuntimeException {

    StackException(String message) {
        super(message);
    }

    StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
