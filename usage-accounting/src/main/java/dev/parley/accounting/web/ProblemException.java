package dev.parley.accounting.web;

import org.springframework.http.HttpStatus;

/** A failure the caller can act on, answered as a problem of type {@code urn:parley:problem:<kind>}. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;

    public ProblemException(HttpStatus status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    String title() {
        return title;
    }
}
