package dev.parley.ingress.submission;

public record CancelResponse(String messageId, String requestId, String status) {

    static final String CANCEL_REQUESTED = "CANCEL_REQUESTED";
}
