package dev.parley.ingress.usage;

import java.time.LocalDate;

import dev.parley.platform.problem.ApiProblem;

/** Checks of the {@code from}/{@code to} query parameters of reports and ledgers (ISO days, UTC, inclusive). */
public final class DateRanges {

    private DateRanges() {
    }

    /** Either end may be open; a closed range must not end before it starts. */
    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.validation("to", "must not be before from");
        }
    }
}
