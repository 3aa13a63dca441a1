package dev.parley.accounting.report;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

import dev.parley.accounting.ledger.DateRange;

import dev.parley.contracts.accounting.UsageReport;

/**
 * Usage reports grouped from the pre-aggregated buckets: a report reads at most one document per user, model and
 * day (or month) in the range, however many calls they hold. A month breakdown uses the month buckets, so its
 * range is widened to whole months.
 */
@Repository
class UsageReports {

    private static final List<String> SUMS = List.of("requests", "inputTokens", "outputTokens", "cachedInputTokens",
            "cost");
    private static final String USER_IDS = "userIds";

    private final MongoOperations mongo;

    UsageReports(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * @param groupBy one or more keys; day and month cannot be combined
     * @param userId only this user's usage, when set
     */
    UsageReport report(DateRange range, List<GroupBy> groupBy, String userId) {
        Period period = groupBy.contains(GroupBy.MONTH) ? Period.MONTH : Period.DAY;
        DateRange buckets = period == Period.MONTH ? wholeMonths(range) : range;
        Criteria filter = where("period").is(period.name());
        if (userId != null) {
            filter = filter.and("userId").is(userId);
        }
        if (buckets.start() != null || buckets.end() != null) {
            filter = filter.and("startsAt");
            filter = buckets.start() != null ? filter.gte(buckets.start()) : filter;
            filter = buckets.end() != null ? filter.lt(buckets.end()) : filter;
        }
        var grouping = group(groupBy.stream().map(GroupBy::field).toArray(String[]::new));
        for (String sum : SUMS) {
            grouping = grouping.sum(sum).as(sum);
        }
        grouping = grouping.addToSet("userId").as(USER_IDS);
        List<Document> groups = mongo.aggregate(newAggregation(match(filter), grouping), UsageBuckets.COLLECTION,
                Document.class).getMappedResults();
        List<UsageReport.Row> rows = groups.stream()
                .map(group -> row(group, groupBy))
                .sorted(Comparator.comparing(UsageReport.Row::key, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Set<Object> everyone = new HashSet<>();
        groups.forEach(group -> everyone.addAll(group.getList(USER_IDS, Object.class, List.of())));
        String name = String.join(",", groupBy.stream().map(key -> key.name().toLowerCase(Locale.ROOT)).toList());
        return new UsageReport(range.from(), range.to(), name, rows, totals(rows, everyone.size()));
    }

    private static UsageReport.Row row(Document group, List<GroupBy> groupBy) {
        Object id = group.get("_id");
        String key;
        Map<String, String> keys = null;
        if (groupBy.size() == 1) {
            key = id == null ? null : id.toString();
        } else {
            Document values = id instanceof Document document ? document : new Document();
            keys = new LinkedHashMap<>();
            for (GroupBy part : groupBy) {
                Object value = values.get(part.field());
                keys.put(part.name().toLowerCase(Locale.ROOT), value == null ? null : value.toString());
            }
            key = String.join("|", keys.values().stream().map(value -> value == null ? "" : value).toList());
        }
        long users = group.getList(USER_IDS, Object.class, List.of()).size();
        return row(key, keys, sum(group, "requests"), sum(group, "inputTokens"), sum(group, "outputTokens"),
                sum(group, "cachedInputTokens"), sum(group, "cost"), users);
    }

    private static UsageReport.Row totals(List<UsageReport.Row> rows, long users) {
        return row(null, null, rows.stream().mapToLong(UsageReport.Row::requests).sum(),
                rows.stream().mapToLong(UsageReport.Row::inputTokens).sum(),
                rows.stream().mapToLong(UsageReport.Row::outputTokens).sum(),
                rows.stream().mapToLong(UsageReport.Row::cachedInputTokens).sum(),
                rows.stream().mapToLong(UsageReport.Row::cost).sum(), users);
    }

    private static UsageReport.Row row(String key, Map<String, String> keys, long requests, long input, long output,
            long cached, long cost, long users) {
        return new UsageReport.Row(key, keys, requests, input, output, cached, cost, users,
                UsageReport.Averages.of(requests, input, output, cost, users));
    }

    private static long sum(Document group, String field) {
        return group.get(field) instanceof Number number ? number.longValue() : 0;
    }

    private static DateRange wholeMonths(DateRange range) {
        return new DateRange(range.from() == null ? null : range.from().withDayOfMonth(1),
                range.to() == null ? null : range.to().withDayOfMonth(range.to().lengthOfMonth()));
    }
}
