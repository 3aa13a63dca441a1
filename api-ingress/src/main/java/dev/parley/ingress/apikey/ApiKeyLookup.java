package dev.parley.ingress.apikey;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * API keys by hash, cached like account states ({@code parley.security.account-cache-ttl}, 5 s): a busy key costs
 * one read per TTL. Unknown hashes are cached too, within the same bound, so that guessing keys costs the database
 * nothing more than one read per guess. Revoking on this instance forgets the key at once; other instances stop
 * accepting it within the TTL.
 */
@Component
class ApiKeyLookup {

    private static final long MAX_KEYS = 100_000;

    private final ApiKeyRepository keys;
    private final Cache<String, Optional<ApiKeyDocument>> byHash;

    ApiKeyLookup(ApiKeyRepository keys, @Value("${parley.security.account-cache-ttl:5s}") Duration ttl) {
        this.keys = keys;
        this.byHash = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(ttl).build();
    }

    Optional<ApiKeyDocument> find(String hash) {
        return byHash.get(hash, keys::findByHash);
    }

    /** Keeps what this instance wrote (its last-use time) without reading it back. */
    void update(ApiKeyDocument key) {
        byHash.asMap().replace(key.hash(), Optional.of(key));
    }

    void forgetKey(String keyId) {
        forget(key -> key.id().equals(keyId));
    }

    void forgetUser(String userId) {
        forget(key -> key.userId().equals(userId));
    }

    private void forget(Predicate<ApiKeyDocument> which) {
        byHash.asMap().values().removeIf(cached -> cached.filter(which).isPresent());
    }
}
