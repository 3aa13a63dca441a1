package dev.parley.ingress.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.parley.platform.problem.ApiProblem;

/** Issues, lists, revokes and checks a user's API keys. Another user's key is reported exactly like a missing one. */
@Service
class ApiKeyService {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final ApiKeyRepository keys;
    private final ApiKeyLookup lookup;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApiKeyCodec codec = new ApiKeyCodec(new SecureRandom());
    private final LastUsePolicy lastUse = new LastUsePolicy(LastUsePolicy.DEFAULT_INTERVAL);

    ApiKeyService(ApiKeyRepository keys, ApiKeyLookup lookup, MongoTemplate mongo, Clock clock) {
        this.keys = keys;
        this.lookup = lookup;
        this.mongo = mongo;
        this.clock = clock;
    }

    CreatedApiKeyResponse create(String userId, CreateApiKeyRequest request) {
        ApiKeyCodec.NewKey key = codec.generate();
        var document = new ApiKeyDocument(new ObjectId().toHexString(), userId, request.name().trim(),
                key.prefix(), key.hash(), clock.instant(), null, request.expiresAt(), null);
        keys.insert(document);
        log.info("User {} created API key {} ({})", userId, document.id(), document.prefix());
        return CreatedApiKeyResponse.of(document, key.key());
    }

    /** Newest first, revoked and expired ones included so that the owner sees what happened. */
    List<ApiKeyResponse> list(String userId) {
        return keys.findByUserIdOrderByCreatedAtDesc(userId).stream().map(ApiKeyResponse::of).toList();
    }

    /** Revoking twice is fine; revoking someone else's key is a 404. */
    void revoke(String userId, String keyId) {
        Query live = Query.query(Criteria.where("id").is(keyId).and("userId").is(userId).and("revokedAt").is(null));
        if (mongo.updateFirst(live, Update.update("revokedAt", clock.instant()), ApiKeyDocument.class)
                .getMatchedCount() == 0 && !keys.existsByIdAndUserId(keyId, userId)) {
            throw ApiProblem.notFound("API key " + keyId + " not found");
        }
        lookup.forgetKey(keyId);
        log.info("User {} revoked API key {}", userId, keyId);
    }

    /** The live key that this bearer token is, if any (cached: see {@link ApiKeyLookup}). */
    Optional<ApiKeyDocument> authenticate(String token) {
        Instant now = clock.instant();
        Optional<ApiKeyDocument> key = lookup.find(ApiKeyCodec.hash(token)).filter(found -> found.usableAt(now));
        key.filter(found -> lastUse.due(found.lastUsedAt(), now)).ifPresent(found -> touch(found, now));
        return key;
    }

    /**
     * Conditional on the stored value, so that concurrent requests of one key write once per interval; the cached
     * copy learns the new time, so that the next requests do not try again.
     */
    private void touch(ApiKeyDocument key, Instant now) {
        Query stale = Query.query(Criteria.where("id").is(key.id()).orOperator(
                Criteria.where("lastUsedAt").is(null), Criteria.where("lastUsedAt").lte(lastUse.staleBefore(now))));
        mongo.updateFirst(stale, Update.update("lastUsedAt", now), ApiKeyDocument.class);
        lookup.update(new ApiKeyDocument(key.id(), key.userId(), key.name(), key.prefix(), key.hash(),
                key.createdAt(), now, key.expiresAt(), key.revokedAt()));
    }
}
