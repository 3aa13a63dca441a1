package dev.parley.accounting.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A balance in credits and its usage totals (collection {@code accounts}): one document per user, and one per
 * organisation with the id {@code org:<organisationId>}. Everything that must change together lives in this one
 * document, because each write to it is atomic and MongoDB here has no multi-document transactions.
 *
 * @param userId the owner (or {@code org:<organisationId>}); also the document id
 * @param balance credits left; below zero only when usage outran what its reservation assumed
 * @param startingBalance what the account was opened with
 * @param inputTokens all input tokens ever recorded, debited or not
 * @param outputTokens all output tokens ever recorded, debited or not
 * @param debitedTokens input plus output tokens of the calls that were charged
 * @param debitedCredits credits taken from the balance by usage
 * @param reserved credits held by {@code reservations}
 * @param available {@code balance - reserved}, kept as a field so that admission is one conditional update
 * @param reservations the requests admitted and not settled yet, bounded by the configured maximum
 * @param organisationId the organisation that pays this user's requests; null when the user pays
 * @param lastAppliedEventId the {@code UsageRecorded} applied last
 * @param recentEventIds applied usage event ids whose ledger entries may not be APPLIED yet, newest last: an id leaves
 *        only when its entry is APPLIED, by a write that also increments {@code eventEpoch} ({@link EventIdGuard})
 * @param eventEpoch how many times ids left {@code recentEventIds}; debits are conditional on the epoch they read
 * @param recentEventCount ids added to {@code recentEventIds} since it was last trimmed (when to trim it)
 * @param recentCreditIds the last applied grant, refill and adjustment ledger ids, and {@code void:<id>} for those
 *        voided, bounded the same way
 * @param refill automatic refill settings; null when there are none
 * @param alertedThresholds low-balance thresholds crossed and alerted, re-armed when the balance rises above them
 * @param activeByUser per user (a member of an organisation, or the owner), how many of {@code reservations} are
 *        theirs: the answers they have in progress, bounded per request by the caller's per-user limit
 */
@Document(AccountRepository.COLLECTION)
public record Account(
        @Id String userId,
        long balance,
        long startingBalance,
        long inputTokens,
        long outputTokens,
        long debitedTokens,
        long debitedCredits,
        long reserved,
        long available,
        List<Reservation> reservations,
        String organisationId,
        String lastAppliedEventId,
        List<String> recentEventIds,
        long eventEpoch,
        long recentEventCount,
        List<String> recentCreditIds,
        Refill refill,
        List<Long> alertedThresholds,
        Map<String, Integer> activeByUser,
        Instant createdAt,
        Instant updatedAt) {

    public Account {
        reservations = reservations != null ? reservations : List.of();
        recentEventIds = recentEventIds != null ? recentEventIds : List.of();
        recentCreditIds = recentCreditIds != null ? recentCreditIds : List.of();
        alertedThresholds = alertedThresholds != null ? alertedThresholds : List.of();
        activeByUser = activeByUser != null ? activeByUser : Map.of();
    }

    public static final String ORGANISATION_PREFIX = "org:";
    static final String ACTIVE_BY_USER = "activeByUser";

    /** The field counting one user's reservations on whichever account holds them. */
    public static String activeField(String userId) {
        // a field name may hold neither a dot nor a leading $; user ids normally have neither
        return ACTIVE_BY_USER + "." + userId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    /** Answers of this user in progress on this account. */
    public int active(String userId) {
        return activeByUser.getOrDefault(activeField(userId).substring(ACTIVE_BY_USER.length() + 1), 0);
    }

    public static String ofOrganisation(String organisationId) {
        return ORGANISATION_PREFIX + organisationId;
    }

    /** The account that pays this user's requests. */
    public String payerId() {
        return organisationId != null ? ofOrganisation(organisationId) : userId;
    }

    public Optional<Reservation> reservation(String reservationId) {
        return reservations.stream().filter(r -> r.reservationId().equals(reservationId)).findFirst();
    }
}
