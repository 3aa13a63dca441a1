package dev.parley.accounting.reservation;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.Reservation;

/**
 * Reservations live on the paying account's document, next to the balance they hold, so that admission is one
 * conditional update: it matches only while {@code available} covers the amount, the request has no reservation
 * yet and the account holds fewer than the bound. Concurrent admissions serialize on the document.
 */
@Repository
class ReservationStore {

    private static final String COUNT = "reservationCount";

    private final MongoOperations mongo;

    ReservationStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @return the account after holding the reservation; empty when a condition failed */
    Optional<Account> hold(String accountId, Reservation reservation, int maxActive) {
        var admissible = where("_id").is(accountId)
                .and("available").gte(reservation.amount())
                .and("reservations.reservationId").ne(reservation.reservationId())
                .and(COUNT).lt(maxActive);
        Update hold = new Update()
                .push("reservations", reservation)
                .inc("reserved", reservation.amount())
                .inc("available", -reservation.amount())
                .inc(COUNT, 1)
                .set("updatedAt", reservation.createdAt());
        return Optional.ofNullable(mongo.findAndModify(query(admissible), hold, options().returnNew(true),
                Account.class));
    }

    /** @return the account after the release; empty when the reservation was not there (any more) */
    Optional<Account> release(String accountId, Reservation reservation, Instant now) {
        Update release = new Update()
                .pull("reservations", new Document("reservationId", reservation.reservationId()))
                .inc("reserved", -reservation.amount())
                .inc("available", reservation.amount())
                .inc(COUNT, -1)
                .set("updatedAt", now);
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(accountId).and("reservations.reservationId").is(reservation.reservationId())),
                release, options().returnNew(true), Account.class));
    }

    /** Accounts holding a reservation that expired before {@code now}. */
    List<Account> withExpiredReservations(Instant now, int limit) {
        return mongo.find(query(where("reservations.expiresAt").lt(now)).limit(limit), Account.class);
    }
}
