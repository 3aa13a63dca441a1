package dev.parley.platform.outbound;

/** A URL that Parley may not call: its message says why, without anything secret. */
public class OutboundAddressException extends RuntimeException {

    public OutboundAddressException(String message) {
        super(message);
    }
}
