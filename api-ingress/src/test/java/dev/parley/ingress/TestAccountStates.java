package dev.parley.ingress;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.ingress.auth.AccountState;
import dev.parley.ingress.auth.AccountStateSource;

/**
 * The accounts of controller slice tests, which have no database: every user id is an active user, those that
 * {@link TestTokens#admin} signed for are admins, and a test may disable one. Imported by {@link ControllerTest}
 * only (no {@code @Component}: the integration tests' context must not find it).
 */
public class TestAccountStates implements AccountStateSource {

    static final Set<String> ADMINS = ConcurrentHashMap.newKeySet();
    private static final Set<String> DISABLED = ConcurrentHashMap.newKeySet();

    /** Disables the account until {@link #enable}; the cache of the slice may keep the old state for its TTL. */
    public static void disable(String userId) {
        DISABLED.add(userId);
    }

    public static void enable(String userId) {
        DISABLED.remove(userId);
    }

    @Override
    public Optional<AccountState> load(String userId) {
        List<String> roles = ADMINS.contains(userId) ? List.of("USER", "ADMIN") : List.of("USER");
        return Optional.of(new AccountState(roles, !DISABLED.contains(userId)));
    }
}
