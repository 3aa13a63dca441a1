package dev.parley.ingress.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every change to an account after its creation: one conditional update of the named fields, never a read-modify-
 * write of the whole document, so that concurrent changes of different fields (a user renaming themselves while an
 * admin disables them) cannot undo each other. Each change forgets the account's cached state on this instance.
 */
@Component
class UserWrites {

    private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;
    private final AccountStates states;

    UserWrites(MongoTemplate mongo, AccountStates states) {
        this.mongo = mongo;
        this.states = states;
    }

    /** Applies the update to the account unless it is deleted; empty when there is no live account. */
    Optional<UserDocument> updateLive(String userId, Update update) {
        return modify(Criteria.where("_id").is(userId).and("deletedAt").is(null), update, userId);
    }

    /** Applies the update to the account only while it is active (neither disabled nor deleted). */
    Optional<UserDocument> updateActive(String userId, Update update) {
        return modify(active(userId), update, userId);
    }

    /** Replaces the password hash only if it is still the one the caller checked against. */
    Optional<UserDocument> replacePassword(String userId, String checkedHash, String newHash) {
        return modify(active(userId).and("passwordHash").is(checkedHash), Update.update("passwordHash", newHash),
                userId);
    }

    Optional<UserDocument> addRole(String userId, String role) {
        return updateActive(userId, new Update().addToSet("roles", role));
    }

    Optional<UserDocument> setRoles(String userId, List<String> roles) {
        return updateLive(userId, Update.update("roles", roles));
    }

    /** Marks the account deleted, once; empty when it already was (or does not exist). */
    Optional<UserDocument> markDeleted(String userId, Instant when) {
        return updateLive(userId, Update.update("deletedAt", when));
    }

    private Optional<UserDocument> modify(Criteria condition, Update update, String userId) {
        UserDocument changed = mongo.findAndModify(Query.query(condition), update, RETURN_NEW, UserDocument.class);
        states.invalidate(userId);
        return Optional.ofNullable(changed);
    }

    private static Criteria active(String userId) {
        return Criteria.where("_id").is(userId).and("disabled").ne(true).and("deletedAt").is(null);
    }
}
