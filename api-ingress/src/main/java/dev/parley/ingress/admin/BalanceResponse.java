package dev.parley.ingress.admin;

/**
 * An account's balance after a change.
 *
 * @param available what new requests can reserve: balance minus what running requests hold
 */
public record BalanceResponse(String accountId, long balance, long reserved, long available) {
}
