package dev.parley.ingress.websocket;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

import dev.parley.ingress.auth.AccountState;
import dev.parley.ingress.auth.AccountStates;
import dev.parley.ingress.auth.UserAuthentication;
import dev.parley.ingress.stream.OpenStreams;
import dev.parley.ingress.stream.StreamLimits;
import dev.parley.platform.problem.ApiProblem;

/**
 * A WebSocket keeps the identity of its handshake: this decides how long that identity holds (until the token or
 * key it was proven with expires, and while the account is active, read through the same short cache as every
 * request) and counts the connection among the user's open streams.
 */
@Component
class SocketIdentity {

    static final String EXPIRED = "token_expired";
    static final String DISABLED = "account_disabled";

    private final AccountStates accounts;
    private final OpenStreams open;
    private final StreamLimits limits;

    SocketIdentity(AccountStates accounts, OpenStreams open, StreamLimits limits) {
        this.accounts = accounts;
        this.open = open;
        this.limits = limits;
    }

    /** Takes one of the user's open-stream slots; false when none is left. */
    boolean opened(WebSocketSession session) {
        try {
            open.acquire(session.getPrincipal().getName());
            return true;
        } catch (ApiProblem full) {
            return false;
        }
    }

    void closed(WebSocketSession session) {
        open.release(session.getPrincipal().getName());
    }

    int maxSubscriptions() {
        return limits.maxSubscriptionsPerSocket();
    }

    /** Why the connection's identity no longer holds ({@link #EXPIRED}, {@link #DISABLED}); null while it does. */
    String ended(WebSocketSession session, Instant now) {
        if (session.getPrincipal() instanceof UserAuthentication user && user.expiresAt() != null
                && !now.isBefore(user.expiresAt())) {
            return EXPIRED;
        }
        Optional<AccountState> account = accounts.current(session.getPrincipal().getName());
        return account.filter(AccountState::active).isPresent() ? null : DISABLED;
    }
}
