package dev.parley.ingress.message;

/** Lifecycle of a message; the last three are final. */
public enum MessageStatus {
    PENDING, STREAMING, COMPLETED, CANCELLED, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
