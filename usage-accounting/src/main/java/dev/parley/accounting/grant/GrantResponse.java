package dev.parley.accounting.grant;

import java.time.Instant;

/** @param state {@code SCHEDULED}, {@code ACTIVE} (applied) or {@code EXPIRED} */
record GrantResponse(String grantId, String accountId, long amount, Instant effectiveAt, Instant expiresAt,
        String state) {

    static GrantResponse of(Grant grant) {
        return new GrantResponse(grant.grantId(), grant.accountId(), grant.amount(), grant.effectiveAt(),
                grant.expiresAt(), grant.state().name());
    }
}
