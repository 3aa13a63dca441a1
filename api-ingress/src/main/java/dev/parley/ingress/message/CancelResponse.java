package dev.parley.ingress.message;

public record CancelResponse(String messageId, String requestId, String status) {

    static final String CANCEL_REQUESTED = "CANCEL_REQUESTED";
}
