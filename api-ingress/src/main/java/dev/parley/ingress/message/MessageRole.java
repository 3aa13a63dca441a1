package dev.parley.ingress.message;

public enum MessageRole {
    SYSTEM, USER, ASSISTANT
}
