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
    private final ApiKeyLookup lookup;
    private final Clock clock;

    ApiKeyRevocation(MongoTemplate mongo, ApiKeyLookup lookup, Clock clock) {
        this.mongo = mongo;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** @return how many live keys were revoked */
    public long revokeAll(String userId) {
        Query live = Query.query(Criteria.where("userId").is(userId).and("revokedAt").is(null));
        long revoked = mongo.updateMulti(live, Update.update("revokedAt", clock.instant()), ApiKeyDocument.class)
                .getModifiedCount();
        lookup.forgetUser(userId);
        return revoked;
    }
}
