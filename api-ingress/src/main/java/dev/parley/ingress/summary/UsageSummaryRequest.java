package dev.parley.ingress.summary;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.parley.ingress.admin.AdminAccounting;

/**
 * @param from first day of the report (ISO, UTC)
 * @param to last day, included
 * @param groupBy day (default), month, user, organisation or model, or several comma-separated
 * @param model the model that writes the summary; the catalog's default when absent
 */
record UsageSummaryRequest(
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @Pattern(regexp = AdminAccounting.GROUPS,
                message = "must be one or more of day, month, user, organisation, model, comma-separated")
        String groupBy,
        @Size(max = 200) String model) {

    String groupByOrDefault() {
        return groupBy == null ? "day" : groupBy;
    }

    @JsonIgnore
    @AssertTrue(message = "to must not be before from")
    boolean isOrdered() {
        return from == null || to == null || !to.isBefore(from);
    }
}
