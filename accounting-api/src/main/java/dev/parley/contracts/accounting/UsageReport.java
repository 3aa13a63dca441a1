package dev.parley.contracts.accounting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Usage over a date range, broken down by one or more keys; {@code totals} is the sum of the rows.
 *
 * @param groupBy the keys, comma-separated, as asked
 * @param rows sorted by key; a null key groups usage without an organisation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageReport(LocalDate from, LocalDate to, String groupBy, List<Row> rows, Row totals) {

    /**
     * @param key the row's value of the one key; with several keys their values joined by {@code |}
     * @param keys with several keys: each key's value by name
     * @param cost credits debited
     * @param users distinct users whose usage the row holds
     * @param perUser the row's sums divided by its users
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String key, @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> keys, long requests,
            long inputTokens, long outputTokens, long cachedInputTokens, long cost, long users, Averages perUser) {
    }

    /** Averages per user, to two decimals. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Averages(double requests, double inputTokens, double outputTokens, double cost) {

        public static Averages of(long requests, long inputTokens, long outputTokens, long cost, long users) {
            return users == 0 ? new Averages(0, 0, 0, 0) : new Averages(per(requests, users), per(inputTokens, users),
                    per(outputTokens, users), per(cost, users));
        }

        private static double per(long sum, long users) {
            return Math.round(sum * 100.0 / users) / 100.0;
        }
    }
}
