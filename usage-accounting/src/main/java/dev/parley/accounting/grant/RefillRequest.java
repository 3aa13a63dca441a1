package dev.parley.accounting.grant;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * @param amount credits added once per interval; 0 switches refills off
 * @param interval ISO-8601, at least one minute, e.g. {@code P1D} or {@code PT12H}
 */
public record RefillRequest(@PositiveOrZero long amount, @NotNull Duration interval) {
}
