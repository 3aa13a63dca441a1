package dev.parley.accounting.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;

class MongoIndexesTest {

    @Test
    void indexesEveryQueryThatIsNotById() {
        MongoOperations mongo = mock(MongoOperations.class);
        List<String> created = new ArrayList<>();
        for (String collection : List.of("ledger", "ledger_pending", "usage_buckets", "accounts", "grants")) {
            IndexOperations ops = mock(IndexOperations.class);
            when(ops.createIndex(any(IndexDefinition.class))).thenAnswer(call -> {
                Document keys = call.<IndexDefinition>getArgument(0).getIndexKeys();
                created.add(collection + ":" + String.join(",", keys.keySet()));
                return "ok";
            });
            when(mongo.indexOps(collection)).thenReturn(ops);
        }

        new MongoIndexes(mongo).ensure();

        assertThat(created).contains("ledger:userId,state,recordedAt", "ledger:state,recordedAt",
                "ledger_pending:type,createdAt", "usage_buckets:period,userId,startsAt", "accounts:reservations.expiresAt",
                "grants:state,effectiveAt", "grants:state,expiresAt").hasSize(9);
    }
}
