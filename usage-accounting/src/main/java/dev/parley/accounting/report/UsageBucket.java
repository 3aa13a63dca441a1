package dev.parley.accounting.report;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Pre-aggregated usage of one user with one model over one day or month (collection {@code usage_buckets}).
 * Reports by day, month, user, organisation or model group these documents instead of the ledger. Each bucket
 * only ever receives one user's records, which are applied one at a time, so the window of applied event ids
 * makes every increment exactly-once, like the account's.
 *
 * @param id {@code <period>|<start>|<userId>|<organisationId or ->|<model>}
 * @param period {@code DAY} or {@code MONTH}
 * @param start {@code 2026-01-31} for a day, {@code 2026-01} for a month
 * @param startsAt the first instant of the period (UTC), which date ranges select on
 * @param cost credits debited
 */
@Document(UsageBuckets.COLLECTION)
record UsageBucket(@Id String id, String period, String start, Instant startsAt, String userId,
        String organisationId, String model, long requests, long inputTokens, long outputTokens,
        long cachedInputTokens, long cost, List<String> recentEventIds) {
}
