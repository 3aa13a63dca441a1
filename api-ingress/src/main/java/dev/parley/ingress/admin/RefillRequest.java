package dev.parley.ingress.admin;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * @param amount credits added once per interval, the first at once; 0 switches refills off
 * @param interval ISO-8601 such as {@code P1D} or {@code PT12H}, at least one minute
 * @param onDepletion true: {@code amount} is added when the balance runs out (or a request cannot be afforded), at
 *        most once per interval, instead of on a schedule
 * @param threshold on depletion: the balance at or below which the account has run out; 0 when absent
 */
public record RefillRequest(@NotNull @PositiveOrZero Long amount, @NotNull Duration interval, Boolean onDepletion,
        Long threshold) {

    public RefillRequest(Long amount, Duration interval) {
        this(amount, interval, null, null);
    }

    /** The body usage-accounting takes. */
    dev.parley.contracts.accounting.RefillRequest toAccounting() {
        return new dev.parley.contracts.accounting.RefillRequest(amount, interval, Boolean.TRUE.equals(onDepletion),
                threshold);
    }

    @JsonIgnore
    @AssertTrue(message = "interval must be at least one minute")
    boolean isIntervalLongEnough() {
        return interval == null || interval.compareTo(Duration.ofMinutes(1)) >= 0;
    }
}
