package dev.parley.accounting.grant;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Credits given to an account from {@code effectiveAt}, optionally until {@code expiresAt} (collection
 * {@code grants}).
 *
 * @param accountId the user id, or {@code org:<organisationId>}
 * @param debitedAtGrant the account's debited credits when the grant was applied; spending since counts against it
 */
@Document(GrantService.COLLECTION)
record Grant(@Id String grantId, String accountId, long amount, Instant effectiveAt, Instant expiresAt,
        GrantState state, Long debitedAtGrant, Instant createdAt) {

    enum GrantState {
        SCHEDULED, ACTIVE, EXPIRED
    }
}
