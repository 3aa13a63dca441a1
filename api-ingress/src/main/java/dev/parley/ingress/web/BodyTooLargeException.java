package dev.parley.ingress.web;

import java.io.IOException;

/**
 * Thrown while reading a request body that turned out larger than allowed without declaring its length
 * (chunked); rendered as a 413 problem instead of a malformed body.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
    }
}
