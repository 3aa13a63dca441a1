package dev.parley.worker.generation;

import java.util.Optional;

/**
 * Rejects requests no provider could answer, so that the user gets an explicit failure instead of an
 * opaque provider error (or a bill for one).
 */
final class RequestValidator {

    static final double MAX_TEMPERATURE = 2.0;

    Optional<String> problem(GenerationRequest request) {
        if (isBlank(request.requestId()) || isBlank(request.userId())) {
            return Optional.of("requestId and userId are required");
        }
        if (isBlank(request.model())) {
            return Optional.of("model is required");
        }
        if (request.messages().isEmpty()) {
            return Optional.of("the conversation has no messages");
        }
        if (request.maxTokens() != null && request.maxTokens() < 1) {
            return Optional.of("maxTokens must be at least 1, was " + request.maxTokens());
        }
        if (request.temperature() != null && !(request.temperature() >= 0 && request.temperature() <= MAX_TEMPERATURE)) {
            return Optional.of("temperature must be between 0 and 2, was " + request.temperature());
        }
        if (request.topP() != null && !(request.topP() > 0 && request.topP() <= 1)) {
            return Optional.of("topP must be greater than 0 and at most 1, was " + request.topP());
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
