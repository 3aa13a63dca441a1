package dev.parley.ingress.auth;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The roles and the disabled / deleted state of accounts, which every authenticated request is authorized by
 * (never by a token's claims). Cached per user id for {@code parley.security.account-cache-ttl} (5 s), so that a
 * burst of one user's requests costs one database read per TTL: a change made on this instance applies at its
 * next request (the writer invalidates the entry), one made on another instance within the TTL.
 */
@Component
public class AccountStates {

    private static final long MAX_ACCOUNTS = 100_000;

    private final AccountStateSource source;
    private final Cache<String, Optional<AccountState>> cache;

    AccountStates(AccountStateSource source, SecurityProperties properties) {
        this.source = source;
        this.cache = Caffeine.newBuilder().maximumSize(MAX_ACCOUNTS)
                .expireAfterWrite(properties.accountCacheTtl()).build();
    }

    /** The account's state; empty when there is no such account. Concurrent misses of one id read once. */
    public Optional<AccountState> current(String userId) {
        return cache.get(userId, source::load);
    }

    /** Forgets the cached state after a change, so that this instance applies it at once. */
    public void invalidate(String userId) {
        cache.invalidate(userId);
    }
}
