package dev.parley.ingress.usage;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.parley.contracts.accounting.AccountResponse;
import dev.parley.ingress.attachment.AttachmentStorage;

import java.time.Instant;

/**
 * @param reserved credits held by requests still running; they settle against actual usage
 * @param available what new requests can still reserve
 * @param attachments the files the user keeps stored, against their storage quota (absent where not asked)
 */
record UsageResponse(
        String userId,
        long balance,
        long reserved,
        long available,
        long startingBalance,
        long inputTokens,
        long outputTokens,
        long debitedTokens,
        long debitedCredits,
        String organisationId,
        RefillView refill,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) AttachmentStorage.Usage attachments) {

    static UsageResponse of(AccountResponse account, AttachmentStorage.Usage attachments) {
        return new UsageResponse(account.userId(), account.balance(), account.reserved(), account.available(),
                account.startingBalance(), account.inputTokens(), account.outputTokens(), account.debitedTokens(),
                account.debitedCredits(), account.organisationId(), RefillView.of(account.refill()), account.updatedAt(),
                attachments);
    }
}
