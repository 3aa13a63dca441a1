package dev.parley.accounting.report;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.accounting.ledger.DateRange;

/** Usage breakdowns: a user's own (for {@code GET /api/me/usage}) and everyone's for admins. */
@RestController
class UsageReportController {

    private final UsageReports reports;

    UsageReportController(UsageReports reports) {
        this.reports = reports;
    }

    @GetMapping("/internal/accounts/{userId}/usage")
    UsageReport ofUser(@PathVariable @NotBlank @Size(max = 128) String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") String groupBy) {
        GroupBy grouping = parse(groupBy);
        if (grouping == GroupBy.USER || grouping == GroupBy.ORGANISATION) {
            throw new IllegalArgumentException("groupBy must be day, month or model");
        }
        return reports.report(new DateRange(from, to), grouping, userId);
    }

    @GetMapping("/internal/admin/usage")
    UsageReport all(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") String groupBy,
            @RequestParam(required = false) @Size(max = 128) String userId) {
        return reports.report(new DateRange(from, to), parse(groupBy), userId);
    }

    private static GroupBy parse(String groupBy) {
        try {
            return GroupBy.valueOf(groupBy.toUpperCase());
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("groupBy must be one of day, month, user, organisation, model");
        }
    }
}
