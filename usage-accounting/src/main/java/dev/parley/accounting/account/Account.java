package dev.parley.accounting.account;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's token balance and usage totals (collection {@code accounts}, one document per user).
 *
 * @param userId the owner; also the document id
 * @param balance tokens left; negative when usage outran it, because nothing reserves tokens up front yet
 * @param startingBalance what the account was opened with
 * @param inputTokens all input tokens ever recorded, debited or not
 * @param outputTokens all output tokens ever recorded, debited or not
 * @param debitedTokens tokens taken from the balance
 * @param lastAppliedEventId the {@code UsageRecorded} applied last
 * @param recentEventIds the last applied event ids, newest last, bounded by {@link AccountRepository#RECENT_EVENT_WINDOW}
 */
@Document(AccountRepository.COLLECTION)
public record Account(
        @Id String userId,
        long balance,
        long startingBalance,
        long inputTokens,
        long outputTokens,
        long debitedTokens,
        String lastAppliedEventId,
        List<String> recentEventIds,
        Instant createdAt,
        Instant updatedAt) {
}
