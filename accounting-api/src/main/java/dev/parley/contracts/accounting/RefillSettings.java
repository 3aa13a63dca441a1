package dev.parley.contracts.accounting;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An account's refill after a change.
 *
 * @param interval ISO-8601; null fields when refills are off
 * @param depletionThreshold set for a refill on depletion: the balance at or below which it is granted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RefillSettings(String accountId, Long amount, String interval, Instant anchor,
        Long depletionThreshold) {
}
