package dev.parley.ingress.auth;

import java.util.Optional;

/** Where {@link AccountStates} reads an account's state from; empty for an id without an account. */
public interface AccountStateSource {

    Optional<AccountState> load(String userId);
}
