package dev.parley.accounting.ledger;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import dev.parley.contracts.accounting.TransactionPage;

/** Reads of applied ledger entries: pages and the aggregates over a filter. */
@Repository
class LedgerQueries {

    private final MongoOperations mongo;

    LedgerQueries(MongoOperations mongo) {
        this.mongo = mongo;
    }

    TransactionPage page(String userId, DateRange range, int page, int size) {
        Criteria filter = filter(userId, range);
        Query query = Query.query(filter).with(Sort.by(Sort.Order.desc("recordedAt"), Sort.Order.desc("_id")))
                .skip((long) page * size).limit(size);
        var items = mongo.find(query, LedgerEntry.class).stream().map(LedgerQueries::transaction).toList();
        TransactionPage.Aggregates aggregates = aggregates(filter);
        long totalPages = (aggregates.count() + size - 1) / size;
        return new TransactionPage(items, page, size, aggregates.count(), totalPages, aggregates);
    }

    private static TransactionPage.Transaction transaction(LedgerEntry entry) {
        LedgerTokens tokens = entry.tokens();
        return new TransactionPage.Transaction(entry.eventId(), entry.type() == null ? null : entry.type().name(),
                entry.userId(), entry.accountId(), entry.requestId(), entry.conversationId(), entry.provider(),
                entry.model(), tokens == null ? null : new TransactionPage.Tokens(tokens.input(), tokens.output(),
                        tokens.cachedInput(), tokens.reasoning()),
                entry.source(), entry.outcome(), entry.ownKey(), entry.amount(), entry.delta(), entry.released(),
                entry.balanceAfter(), entry.recordedAt());
    }

    private TransactionPage.Aggregates aggregates(Criteria filter) {
        var byType = newAggregation(match(filter), group("type").count().as("count").sum("amount").as("amount"));
        long count = 0;
        long debited = 0;
        long credited = 0;
        for (Document row : mongo.aggregate(byType, LedgerRepository.COLLECTION, Document.class)) {
            LedgerType type = LedgerType.valueOf(row.getString("_id"));
            long amount = ((Number) row.get("amount")).longValue();
            count += ((Number) row.get("count")).longValue();
            debited += type.sign() < 0 ? amount : 0;
            credited += type.sign() > 0 ? amount : 0;
        }
        return new TransactionPage.Aggregates(count, debited, credited);
    }

    private static Criteria filter(String userId, DateRange range) {
        Criteria filter = where("state").is(LedgerState.APPLIED.name());
        if (userId != null) {
            filter = filter.and("userId").is(userId);
        }
        if (range.start() != null && range.end() != null) {
            return filter.and("recordedAt").gte(range.start()).lt(range.end());
        }
        if (range.start() != null) {
            return filter.and("recordedAt").gte(range.start());
        }
        return range.end() != null ? filter.and("recordedAt").lt(range.end()) : filter;
    }
}
