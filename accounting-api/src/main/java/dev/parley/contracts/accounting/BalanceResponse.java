package dev.parley.contracts.accounting;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An account's balance after a change.
 *
 * @param available what new requests can reserve: balance minus what running requests hold
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BalanceResponse(String accountId, long balance, long reserved, long available) {
}
