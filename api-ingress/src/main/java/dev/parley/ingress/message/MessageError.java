package dev.parley.ingress.message;

/** Why an answer failed: a stable machine-readable code and a message safe to show. */
public record MessageError(String code, String message) {
}
