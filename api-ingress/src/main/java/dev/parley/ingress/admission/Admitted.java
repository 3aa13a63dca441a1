package dev.parley.ingress.admission;

/**
 * A request whose worst-case cost is reserved.
 *
 * @param maxOutputTokens the output limit the request must be sent with: the reservation assumed no more
 * @param estimatedInputTokens the generous estimate the reservation assumed
 * @param reserved credits held until the request's usage settles
 */
public record Admitted(String requestId, int maxOutputTokens, long estimatedInputTokens, long reserved) {
}
