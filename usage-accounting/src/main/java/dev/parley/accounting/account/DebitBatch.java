package dev.parley.accounting.account;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

/**
 * The filter and update of one or more usage debits of one account, applied as one conditional write: the filter
 * holds each debit's own condition (its event id not held; the reservation it settles still held with its
 * amount, or, when it settles none, none held for its request) and the guard's epoch ({@link EventIdGuard}), the
 * update their sum; the ids are added without a bound (only a trim of APPLIED entries' ids takes them out). One
 * debit gives exactly the single-debit write of before ({@code $ne}, a top-level {@code $elemMatch}).
 */
final class DebitBatch {

    private final List<AccountDebit> debits;
    private final long epoch;

    /** @param epoch the account's {@code eventEpoch} the caller read (or observed before its ledger entries existed) */
    DebitBatch(List<AccountDebit> debits, int window, long epoch) {
        if (debits.isEmpty() || debits.size() > window) {
            throw new IllegalArgumentException("1 to " + window + " debits per write, not " + debits.size());
        }
        Set<String> settled = new HashSet<>();
        for (AccountDebit debit : debits) {
            if (debit.settles() != null && !settled.add(debit.settles().reservationId())) {
                throw new IllegalArgumentException("Reservation " + debit.settles().reservationId()
                        + " settled twice in one write");
            }
        }
        this.debits = List.copyOf(debits);
        this.epoch = epoch;
    }

    /** @param byId the account's id filter, to which the conditions are appended */
    Document filter(Document byId) {
        List<String> eventIds = debits.stream().map(AccountDebit::eventId).toList();
        byId.append(EventIdGuard.IDS, eventIds.size() == 1 ? AccountUpdates.op("$ne", eventIds.get(0))
                : AccountUpdates.op("$nin", eventIds));
        byId.append(EventIdGuard.EPOCH, EventIdGuard.epochIs(epoch));
        List<Document> held = settled().stream().map(reservation -> AccountUpdates.op("$elemMatch",
                new Document("reservationId", reservation.reservationId()).append("amount", reservation.amount())))
                .toList();
        if (held.size() == 1) {
            byId.append("reservations", held.get(0));
        } else if (held.size() > 1) {
            byId.append("$and", held.stream().map(match -> new Document("reservations", match)).toList());
        }
        List<String> notHeld = notHeldRequests();
        if (!notHeld.isEmpty()) {
            byId.append("reservations.reservationId", notHeld.size() == 1 ? AccountUpdates.op("$ne", notHeld.get(0))
                    : AccountUpdates.op("$nin", notHeld));
        }
        return byId;
    }

    Document update(Date now) {
        List<String> eventIds = debits.stream().map(AccountDebit::eventId).toList();
        Document apply = new Document("$set", new Document("lastAppliedEventId", eventIds.get(eventIds.size() - 1))
                        .append("updatedAt", now))
                .append("$push", new Document(EventIdGuard.IDS, new Document("$each", eventIds)));
        List<Reservation> settled = settled();
        if (!settled.isEmpty()) {
            List<String> ids = settled.stream().map(Reservation::reservationId).toList();
            apply.append("$pull", new Document("reservations", new Document("reservationId",
                    ids.size() == 1 ? ids.get(0) : AccountUpdates.op("$in", ids))));
        }
        return apply.append("$inc", increments(settled));
    }

    private Document increments(List<Reservation> settled) {
        long amount = 0;
        long released = 0;
        long input = 0;
        long output = 0;
        long charged = 0;
        for (AccountDebit debit : debits) {
            amount = Math.addExact(amount, debit.amount());
            released = Math.addExact(released, debit.released());
            input = Math.addExact(input, debit.inputTokens());
            output = Math.addExact(output, debit.outputTokens());
            charged = Math.addExact(charged, debit.chargedTokens());
        }
        Document inc = new Document("balance", -amount)
                .append("available", Math.subtractExact(released, amount))
                .append("reserved", -released)
                .append("inputTokens", input)
                .append("outputTokens", output)
                .append("debitedTokens", charged)
                .append("debitedCredits", amount)
                .append(EventIdGuard.COUNT, (long) debits.size());
        if (!settled.isEmpty()) {
            inc.append(AccountRepository.RESERVATION_COUNT, -settled.size());
            Map<String, Integer> byUser = new LinkedHashMap<>();
            settled.forEach(reservation -> byUser.merge(Account.activeField(reservation.userId()), 1, Integer::sum));
            byUser.forEach((field, count) -> inc.append(field, -count));
        }
        return inc;
    }

    private List<Reservation> settled() {
        return debits.stream().map(AccountDebit::settles).filter(reservation -> reservation != null).toList();
    }

    /** Requests of debits that settle nothing, unless another debit of this write settles their reservation. */
    private List<String> notHeldRequests() {
        Set<String> settledIds = new HashSet<>();
        settled().forEach(reservation -> settledIds.add(reservation.reservationId()));
        List<String> requests = new ArrayList<>();
        for (AccountDebit debit : debits) {
            if (debit.settles() == null && !settledIds.contains(debit.requestId())
                    && !requests.contains(debit.requestId())) {
                requests.add(debit.requestId());
            }
        }
        return requests;
    }
}
