package dev.parley.accounting.reservation;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountUpdates;
import dev.parley.accounting.account.Reservation;

/**
 * The filter and update that hold one or more reservations on one account as a single conditional write: the
 * filter asks that the account could hold them one after another (available credits cover their sum, none of them
 * is held yet, the account's count stays within its bound after all of them, and so does each user's), the update
 * applies their sum. One reservation gives exactly the single hold of before. When the write matches nothing, no
 * reservation of the group is held: {@link HoldLanes} then tries each on its own, while reservations held ahead of
 * requests ({@link ReservationService#reserveAhead}) stay all or none.
 */
final class HoldGroup {

    private static final String COUNT = "reservationCount";

    private final List<Reservation> reservations;
    private final int perAccount;
    /** Per user field ({@link Account#activeField}): how many of the group are theirs, and their lowest bound. */
    private final Map<String, int[]> users = new LinkedHashMap<>();

    /**
     * @param reservations distinct ids, at most as many per user as the user's bound allows
     * @param limits each reservation's bounds, in the same order
     */
    HoldGroup(List<Reservation> reservations, List<ReservationLimits> limits) {
        if (reservations.isEmpty() || reservations.size() != limits.size()) {
            throw new IllegalArgumentException("one bound per reservation, at least one reservation");
        }
        this.reservations = List.copyOf(reservations);
        int lowest = Integer.MAX_VALUE;
        for (int i = 0; i < reservations.size(); i++) {
            ReservationLimits bound = limits.get(i);
            lowest = Math.min(lowest, bound.perAccount());
            int[] user = users.computeIfAbsent(Account.activeField(reservations.get(i).userId()),
                    field -> new int[] {0, Integer.MAX_VALUE});
            user[0]++;
            if (bound.perUser() != null) {
                user[1] = Math.min(user[1], bound.perUser());
            }
        }
        this.perAccount = lowest;
        users.forEach((field, user) -> {
            if (user[0] > user[1]) {
                // the absent-field branch of the filter would admit them all
                throw new IllegalArgumentException("more reservations of one user than their bound in one hold");
            }
        });
    }

    /** @param byId the account's id filter, to which the conditions are appended */
    Document filter(Document byId, boolean onlyWithoutOrganisation) {
        byId.append("available", AccountUpdates.op("$gte", total()));
        List<String> ids = reservations.stream().map(Reservation::reservationId).toList();
        byId.append("reservations.reservationId", ids.size() == 1 ? AccountUpdates.op("$ne", ids.get(0))
                : AccountUpdates.op("$nin", ids));
        // count + n <= bound, written as the single hold always was: count < bound - n + 1
        byId.append(COUNT, AccountUpdates.op("$lt", perAccount - ids.size() + 1));
        List<Document> userBounds = new ArrayList<>();
        users.forEach((field, user) -> {
            if (user[1] != Integer.MAX_VALUE) {
                userBounds.add(new Document("$or", List.of(new Document(field, AccountUpdates.op("$exists", false)),
                        new Document(field, AccountUpdates.op("$lt", user[1] - user[0] + 1)))));
            }
        });
        if (userBounds.size() == 1) {
            byId.putAll(userBounds.get(0));
        } else if (userBounds.size() > 1) {
            byId.append("$and", userBounds);
        }
        if (onlyWithoutOrganisation) {
            byId.append("organisationId", AccountUpdates.op("$exists", false));
        }
        return byId;
    }

    Document update() {
        long total = total();
        Document inc = new Document("reserved", total).append("available", -total).append(COUNT, reservations.size());
        users.forEach((field, user) -> inc.append(field, user[0]));
        List<Document> held = reservations.stream().map(AccountUpdates::reservation).toList();
        Document push = held.size() == 1 ? new Document("reservations", held.get(0))
                : new Document("reservations", new Document("$each", held));
        return new Document("$push", push).append("$inc", inc)
                .append("$set", new Document("updatedAt", Date.from(reservations.get(0).createdAt())));
    }

    private long total() {
        long total = 0;
        for (Reservation reservation : reservations) {
            total = Math.addExact(total, reservation.amount());
        }
        return total;
    }
}
