package dev.parley.accounting.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Usage over a date range, broken down; {@code totals} is the sum of the rows.
 *
 * @param rows sorted by key; a null key groups usage without an organisation
 */
record UsageReport(LocalDate from, LocalDate to, String groupBy, List<Row> rows, Row totals) {

    /** @param cost credits debited */
    record Row(String key, long requests, long inputTokens, long outputTokens, long cachedInputTokens, long cost) {

        Row plus(Row other) {
            return new Row(key, requests + other.requests, inputTokens + other.inputTokens,
                    outputTokens + other.outputTokens, cachedInputTokens + other.cachedInputTokens,
                    cost + other.cost);
        }
    }
}
