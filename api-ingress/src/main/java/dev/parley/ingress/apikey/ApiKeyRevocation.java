package dev.parley.ingress.apikey;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Revokes all of a user's keys at once, for account administration (deletion). */
@Component
public class ApiKeyRevocation {

    private final MongoTemplate mongo;
    private final Clock clock;

    ApiKeyRevocation(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @return how many live keys were revoked */
    public long revokeAll(String userId) {
        Query live = Query.query(Criteria.where("userId").is(userId).and("revokedAt").is(null));
        return mongo.updateMulti(live, Update.update("revokedAt", clock.instant()), ApiKeyDocument.class)
                .getModifiedCount();
    }
}
