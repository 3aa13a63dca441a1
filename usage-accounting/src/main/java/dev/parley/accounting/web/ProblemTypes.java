package dev.parley.accounting.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatusCode;

/** Stable problem {@code type} URIs, one per kind of failure, so that clients can branch on them. */
final class ProblemTypes {

    static final URI UNAUTHORIZED = of("unauthorized");
    static final URI INTERNAL = of("internal");

    private static final Map<Integer, String> KINDS = Map.of(
            400, "bad-request",
            401, "unauthorized",
            403, "forbidden",
            404, "not-found",
            405, "method-not-allowed",
            406, "not-acceptable",
            415, "unsupported-media-type",
            500, "internal",
            503, "unavailable");

    private ProblemTypes() {
    }

    static URI forStatus(HttpStatusCode status) {
        String kind = KINDS.get(status.value());
        return of(kind != null ? kind : (status.is4xxClientError() ? "bad-request" : "internal"));
    }

    private static URI of(String kind) {
        return URI.create("urn:parley:problem:" + kind);
    }
}
