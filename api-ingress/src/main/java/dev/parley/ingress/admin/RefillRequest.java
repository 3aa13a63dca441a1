package dev.parley.ingress.admin;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * @param amount credits added once per interval, the first at once; 0 switches refills off
 * @param interval ISO-8601 such as {@code P1D} or {@code PT12H}, at least one minute
 */
public record RefillRequest(@NotNull @PositiveOrZero Long amount, @NotNull Duration interval) {

    @JsonIgnore
    @AssertTrue(message = "interval must be at least one minute")
    boolean isIntervalLongEnough() {
        return interval == null || interval.compareTo(Duration.ofMinutes(1)) >= 0;
    }
}
