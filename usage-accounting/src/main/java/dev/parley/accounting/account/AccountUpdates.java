package dev.parley.accounting.account;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;

/**
 * The conditional account updates every request makes (admission and settlement), written with the driver's own
 * filters and updates. Mapping a Criteria and an Update through Spring Data's entity metadata cost as much client
 * CPU as the database call itself; these two are built once per call from plain values, and only the result is
 * read back through the converter (without the long lists, which only the conditions use).
 */
public final class AccountUpdates {

    private static final Bson LEAN = Projections.exclude("recentEventIds", "recentCreditIds", "reservations");
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER).projection(LEAN);

    private final MongoOperations mongo;

    public AccountUpdates(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code update} to the account when {@code filter} matches.
     *
     * @return the account after the update, without its long lists; empty when nothing matched
     */
    public Optional<Account> updateOne(Bson filter, Bson update) {
        Document after = collection().findOneAndUpdate(filter, update, AFTER);
        return Optional.ofNullable(after).map(document -> mongo.getConverter().read(Account.class, document));
    }

    /**
     * A filter naming the account's id at its top level, where the embedded MongoDB looks for it to use the id index
     * (the driver's {@code Filters.and} would nest it in an {@code $and}); append the conditions to it.
     */
    public static Document byId(String accountId) {
        return new Document("_id", storedId(accountId));
    }

    /**
     * The id as Spring Data stores a {@code String} {@code @Id}: user ids are ObjectId hex strings, which it writes as
     * ObjectIds (and reads back as strings); a filter with the plain string would match no account.
     */
    static Object storedId(String accountId) {
        return ObjectId.isValid(accountId) ? new ObjectId(accountId) : accountId;
    }

    /** The condition {@code {$op: value}} of one field. */
    public static Document op(String operator, Object value) {
        return new Document(operator, value);
    }

    /** A reservation as the account document holds it (the same fields Spring Data writes for the record). */
    public static Document reservation(Reservation reservation) {
        return new Document("reservationId", reservation.reservationId())
                .append("userId", reservation.userId())
                .append("model", reservation.model())
                .append("amount", reservation.amount())
                .append("createdAt", reservation.createdAt() == null ? null : Date.from(reservation.createdAt()))
                .append("expiresAt", reservation.expiresAt() == null ? null : Date.from(reservation.expiresAt()));
    }

    /** {@code $push} of one value that keeps only the newest {@code window} values. */
    public static Document pushKeepingNewest(String field, Object value, int window) {
        return new Document(field, new Document("$each", List.of(value)).append("$slice", -window));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(AccountRepository.COLLECTION);
    }
}
