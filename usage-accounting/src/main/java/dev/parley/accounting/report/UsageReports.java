package dev.parley.accounting.report;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

import dev.parley.accounting.ledger.DateRange;

/**
 * Usage reports grouped from the pre-aggregated buckets: a report reads at most one document per user, model and
 * day (or month) in the range, however many calls they hold. A month breakdown uses the month buckets, so its
 * range is widened to whole months.
 */
@Repository
class UsageReports {

    private static final List<String> SUMS = List.of("requests", "inputTokens", "outputTokens", "cachedInputTokens",
            "cost");

    private final MongoOperations mongo;

    UsageReports(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @param userId only this user's usage, when set */
    UsageReport report(DateRange range, GroupBy groupBy, String userId) {
        DateRange buckets = groupBy.period() == Period.MONTH ? wholeMonths(range) : range;
        Criteria filter = where("period").is(groupBy.period().name());
        if (userId != null) {
            filter = filter.and("userId").is(userId);
        }
        if (buckets.start() != null || buckets.end() != null) {
            filter = filter.and("startsAt");
            filter = buckets.start() != null ? filter.gte(buckets.start()) : filter;
            filter = buckets.end() != null ? filter.lt(buckets.end()) : filter;
        }
        var grouping = group(groupBy.field());
        for (String sum : SUMS) {
            grouping = grouping.sum(sum).as(sum);
        }
        List<UsageReport.Row> rows = mongo.aggregate(newAggregation(match(filter), grouping), UsageBuckets.COLLECTION,
                Document.class).getMappedResults().stream()
                .map(UsageReports::row)
                .sorted(Comparator.comparing(UsageReport.Row::key, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        UsageReport.Row totals = rows.stream().reduce(new UsageReport.Row(null, 0, 0, 0, 0, 0), UsageReport.Row::plus);
        return new UsageReport(range.from(), range.to(), groupBy.name().toLowerCase(), rows, totals);
    }

    private static UsageReport.Row row(Document group) {
        Object key = group.get("_id");
        return new UsageReport.Row(key == null ? null : key.toString(), sum(group, "requests"),
                sum(group, "inputTokens"), sum(group, "outputTokens"), sum(group, "cachedInputTokens"),
                sum(group, "cost"));
    }

    private static long sum(Document group, String field) {
        return group.get(field) instanceof Number number ? number.longValue() : 0;
    }

    private static DateRange wholeMonths(DateRange range) {
        return new DateRange(range.from() == null ? null : range.from().withDayOfMonth(1),
                range.to() == null ? null : range.to().withDayOfMonth(range.to().lengthOfMonth()));
    }
}
