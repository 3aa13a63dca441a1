package dev.parley.contracts.accounting;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * @param amount credits added once per interval; 0 switches refills off
 * @param interval ISO-8601, at least one minute, e.g. {@code P1D} or {@code PT12H} (sent as text)
 * @param onDepletion true: {@code amount} is added when the balance runs out, at most once per interval, instead
 *        of on a schedule
 * @param threshold on depletion: the balance at or below which the account has run out (default 0)
 */
public record RefillRequest(@PositiveOrZero long amount,
        @NotNull @JsonFormat(shape = JsonFormat.Shape.STRING) Duration interval, Boolean onDepletion,
        Long threshold) {

    public RefillRequest(long amount, Duration interval) {
        this(amount, interval, null, null);
    }

    /** The depletion threshold, or null for a refill on schedule. */
    public Long depletionThreshold() {
        return Boolean.TRUE.equals(onDepletion) ? (threshold != null ? threshold : 0L) : null;
    }
}
