package dev.parley.accounting.reservation;

import static org.springframework.data.mongodb.core.FindAndModifyOptions.options;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;

import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;
import dev.parley.accounting.account.AccountUpdates;
import dev.parley.accounting.account.Reservation;

/**
 * Reservations live on the paying account's document, next to the balance they hold, so that admission is one
 * conditional update: it matches only while {@code available} covers the amount, the request has no reservation
 * yet, the account holds fewer than its bound and the requesting user fewer than theirs. Concurrent admissions
 * serialize on the document; those of one account that arrive together on this instance are written together
 * ({@link HoldLanes}).
 */
@Repository
class ReservationStore {

    private static final String COUNT = "reservationCount";
    private static final String CREDIT_IDS = "recentCreditIds";
    private static final String ORGANISATION = "organisationId";
    private static final String RESERVATIONS = "reservations";

    private final MongoOperations mongo;
    private final AccountUpdates updates;
    private final HoldLanes lanes = new HoldLanes();

    ReservationStore(MongoOperations mongo) {
        this.mongo = mongo;
        this.updates = new AccountUpdates(mongo);
    }

    /**
     * The usual admission in one update: the user pays for themself (no organisation) and the account exists.
     *
     * @return the account after holding the reservation, without its long lists; empty when any condition failed
     *         (including: another payer, no account yet, a retry of a held reservation)
     */
    Optional<Account> holdOnOwnAccount(Reservation reservation, ReservationLimits limits) {
        return hold(reservation.userId(), reservation, limits, true);
    }

    /** @return the account after holding the reservation, without its long lists; empty when a condition failed */
    Optional<Account> hold(String accountId, Reservation reservation, ReservationLimits limits) {
        return hold(accountId, reservation, limits, false);
    }

    private Optional<Account> hold(String accountId, Reservation reservation, ReservationLimits limits,
            boolean onlyWithoutOrganisation) {
        // the filter differs with the organisation condition: such holds share a lane only with their like
        String lane = onlyWithoutOrganisation ? accountId : accountId + "\u0000payer";
        return lanes.hold(lane, reservation, limits, group -> updates.updateOne(
                group.filter(AccountUpdates.byId(accountId), onlyWithoutOrganisation), group.update()));
    }

    /**
     * Holds all of the group on the user's own account or none of them, in one conditional update that matches only
     * while the user pays for themself (no organisation). Not through {@link HoldLanes}: its group is written whole
     * or not at all, never split into single holds.
     *
     * @return the account after holding them, without its long lists; empty when any condition failed
     */
    Optional<Account> holdAllOnOwnAccount(String userId, HoldGroup group) {
        return updates.updateOne(group.filter(AccountUpdates.byId(userId), true), group.update());
    }

    /** @return the account after holding all of the group, without its long lists; empty when a condition failed */
    Optional<Account> holdAll(String accountId, HoldGroup group) {
        return updates.updateOne(group.filter(AccountUpdates.byId(accountId), false), group.update());
    }

    /**
     * Releases the reservation and records the release's ledger id on the account, in one update that matches only
     * while the reservation is held and the release not yet recorded.
     *
     * @return the account after the release; empty when the reservation was not there (any more) or the release
     *         had been applied
     */
    Optional<Account> release(String accountId, Reservation reservation, String releaseId, Instant now) {
        Update release = new Update()
                .pull("reservations", new Document("reservationId", reservation.reservationId()))
                .inc("reserved", -reservation.amount())
                .inc("available", reservation.amount())
                .inc(COUNT, -1)
                .inc(Account.activeField(reservation.userId()), -1)
                .set("updatedAt", now);
        release.push(CREDIT_IDS).slice(-AccountRepository.RECENT_EVENT_WINDOW).each(releaseId);
        return Optional.ofNullable(mongo.findAndModify(AccountRepository.lean(query(where("_id").is(accountId)
                .and("reservations.reservationId").is(reservation.reservationId()).and(CREDIT_IDS).ne(releaseId))),
                release, options().returnNew(true), Account.class));
    }

    /**
     * The account that pays this user's requests, from a read of the user's account that ships one field; empty when
     * the user has no account.
     */
    Optional<String> payerOf(String userId) {
        Document user = collection().find(AccountUpdates.byId(userId))
                .projection(new Document(ORGANISATION, 1)).first();
        if (user == null) {
            return Optional.empty();
        }
        String organisationId = user.getString(ORGANISATION);
        return Optional.of(organisationId == null ? userId : Account.ofOrganisation(organisationId));
    }

    /**
     * The reservation if the account holds it, from a keyed read that ships that one element of the list (the whole
     * document of a busy account is most of what its reads cost).
     */
    Optional<Reservation> held(String accountId, String reservationId) {
        Document account = collection()
                .find(AccountUpdates.byId(accountId).append("reservations.reservationId", reservationId))
                .projection(new Document(RESERVATIONS, AccountUpdates.op("$elemMatch",
                        new Document("reservationId", reservationId))))
                .first();
        List<?> held = account == null ? List.of() : account.getList(RESERVATIONS, Object.class, List.of());
        return held.isEmpty() ? Optional.empty()
                : Optional.of(mongo.getConverter().read(Reservation.class, (Document) held.get(0)));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(AccountRepository.COLLECTION);
    }

    /** Accounts holding a reservation that expired before {@code now}. */
    List<Account> withExpiredReservations(Instant now, int limit) {
        return mongo.find(query(where("reservations.expiresAt").lt(now)).limit(limit), Account.class);
    }
}
