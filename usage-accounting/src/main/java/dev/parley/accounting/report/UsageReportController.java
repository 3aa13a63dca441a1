package dev.parley.accounting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.accounting.ledger.DateRange;

import dev.parley.contracts.accounting.UsageReport;

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
        List<GroupBy> grouping = parse(groupBy);
        if (grouping.contains(GroupBy.USER) || grouping.contains(GroupBy.ORGANISATION)) {
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

    /** One key or several, comma-separated (e.g. {@code model,user}); day and month exclude each other. */
    private static List<GroupBy> parse(String groupBy) {
        List<GroupBy> keys = new ArrayList<>();
        for (String name : groupBy.split(",", -1)) {
            try {
                GroupBy key = GroupBy.valueOf(name.trim().toUpperCase(Locale.ROOT));
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("groupBy must be one or more of day, month, user, organisation, "
                        + "model, comma-separated");
            }
        }
        if (keys.contains(GroupBy.DAY) && keys.contains(GroupBy.MONTH)) {
            throw new IllegalArgumentException("groupBy cannot have both day and month");
        }
        return keys;
    }
}
