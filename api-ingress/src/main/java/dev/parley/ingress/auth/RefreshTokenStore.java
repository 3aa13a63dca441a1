package dev.parley.ingress.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Issues, rotates and revokes refresh tokens. Consuming a token deletes its document in one atomic operation,
 * so two concurrent refreshes with the same token cannot both succeed.
 */
@Component
class RefreshTokenStore {

    private final MongoTemplate mongo;
    private final SecurityProperties properties;
    private final Clock clock;
    private final OpaqueTokens tokens = new OpaqueTokens();

    RefreshTokenStore(MongoTemplate mongo, SecurityProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores a new token for the user and returns its only plain-text copy. */
    String issue(String userId) {
        String token = tokens.generate();
        Instant now = clock.instant();
        mongo.insert(new RefreshTokenDocument(new ObjectId().toHexString(), OpaqueTokens.hash(token), userId, now,
                now.plus(properties.refreshTokenTtl())));
        return token;
    }

    /** Invalidates the token and tells whose it was, if it was live. */
    Optional<String> consume(String token) {
        Query live = Query.query(Criteria.where("hash").is(OpaqueTokens.hash(token))
                .and("expiresAt").gt(clock.instant()));
        return Optional.ofNullable(mongo.findAndRemove(live, RefreshTokenDocument.class))
                .map(RefreshTokenDocument::userId);
    }

    void revoke(String userId, String token) {
        mongo.remove(Query.query(Criteria.where("hash").is(OpaqueTokens.hash(token)).and("userId").is(userId)),
                RefreshTokenDocument.class);
    }

    /** Ends every session of the user: after a password change, or when the account is disabled or deleted. */
    void revokeAll(String userId) {
        mongo.remove(Query.query(Criteria.where("userId").is(userId)), RefreshTokenDocument.class);
    }
}
