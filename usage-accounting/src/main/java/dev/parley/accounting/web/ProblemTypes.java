package dev.parley.accounting.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatusCode;

/** Stable problem {@code type} URIs, one per kind of failure, so that clients can branch on them. */
final class ProblemTypes {

    static final URI UNAUTHORIZED = of("unauthorized");
    static final URI INTERNAL = of("internal");

    private static final Map<Integer, String> KINDS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(402, "quota-exhausted"),
            Map.entry(409, "conflict"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(429, "too-many-requests"),
            Map.entry(500, "internal"),
            Map.entry(503, "unavailable"));

    private ProblemTypes() {
    }

    static URI forStatus(HttpStatusCode status) {
        String kind = KINDS.get(status.value());
        return of(kind != null ? kind : (status.is4xxClientError() ? "bad-request" : "internal"));
    }

    static URI of(String kind) {
        return URI.create("urn:parley:problem:" + kind);
    }
}
