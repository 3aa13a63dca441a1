package dev.parley.ingress.auth;

import org.springframework.stereotype.Component;

/**
 * Whether a disabled or deleted account is behind a token or key. Checked at every authentication, without a
 * cache: it is one lookup by id, and a disabled account is refused from its very next request.
 */
@Component
public class AccountLocks {

    private final UserRepository users;

    AccountLocks(UserRepository users) {
        this.users = users;
    }

    /**
     * True when the account is disabled or deleted. Accounts are never removed (deletion is soft), so an id
     * without an account is not one this check can lock.
     */
    public boolean isLocked(String userId) {
        return users.findById(userId).map(user -> !user.active()).orElse(false);
    }
}
