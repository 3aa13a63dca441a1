package dev.parley.ingress.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Issues, rotates and revokes refresh tokens in families (one per sign-in). Using a token marks it used in one
 * conditional update, so two concurrent refreshes with the same token cannot both succeed; a token that comes back
 * after it was used means that two parties hold the family (a thief, or a client that replays), so the whole family
 * is revoked and both must sign in again.
 */
@Component
class RefreshTokenStore {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenStore.class);

    private final MongoTemplate mongo;
    private final SecurityProperties properties;
    private final Clock clock;
    private final OpaqueTokens tokens = new OpaqueTokens();

    RefreshTokenStore(MongoTemplate mongo, SecurityProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** The token's user and family, as a successful exchange tells them. */
    record Rotation(String userId, String familyId) {
    }

    /** Starts a family for a new sign-in and returns its first token's only plain-text copy. */
    String issue(String userId) {
        return issue(userId, new ObjectId().toHexString());
    }

    /** The next token of a family. */
    String issue(String userId, String familyId) {
        String token = tokens.generate();
        Instant now = clock.instant();
        mongo.insert(new RefreshTokenDocument(new ObjectId().toHexString(), OpaqueTokens.hash(token), userId, now,
                now.plus(properties.refreshTokenTtl()), familyId, null));
        return token;
    }

    /**
     * Marks the token used and tells whose it was, if it was live. A token that was used before revokes its family.
     */
    Optional<Rotation> use(String token) {
        String hash = OpaqueTokens.hash(token);
        Instant now = clock.instant();
        Query live = Query.query(Criteria.where("hash").is(hash).and("usedAt").is(null).and("expiresAt").gt(now));
        RefreshTokenDocument used = mongo.findAndModify(live, Update.update("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), RefreshTokenDocument.class);
        if (used != null) {
            return Optional.of(new Rotation(used.userId(), used.family()));
        }
        RefreshTokenDocument replayed = mongo.findOne(Query.query(Criteria.where("hash").is(hash)),
                RefreshTokenDocument.class);
        if (replayed != null && replayed.usedAt() != null) {
            long revoked = revokeFamily(replayed);
            log.warn("Refresh token of user {} was used again after rotation: family {} revoked ({} tokens)",
                    replayed.userId(), replayed.family(), revoked);
        }
        return Optional.empty();
    }

    /** Signs the session out: the token's whole family dies. */
    void revoke(String userId, String token) {
        RefreshTokenDocument found = mongo.findOne(Query.query(Criteria.where("hash").is(OpaqueTokens.hash(token))
                .and("userId").is(userId)), RefreshTokenDocument.class);
        if (found != null) {
            revokeFamily(found);
        }
    }

    /** Ends every session of the user: after a password change, or when the account is disabled or deleted. */
    void revokeAll(String userId) {
        mongo.remove(Query.query(Criteria.where("userId").is(userId)), RefreshTokenDocument.class);
    }

    private long revokeFamily(RefreshTokenDocument member) {
        Criteria family = member.familyId() == null ? Criteria.where("id").is(member.id())
                : Criteria.where("familyId").is(member.familyId()).and("userId").is(member.userId());
        return mongo.remove(Query.query(family), RefreshTokenDocument.class).getDeletedCount();
    }
}
