package dev.parley.ingress.auth;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads an account's roles and flags by id, and nothing else of the document. */
@Component
class StoredAccountStates implements AccountStateSource {

    private final MongoTemplate mongo;

    StoredAccountStates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<AccountState> load(String userId) {
        // through the entity, so that an id that is an ObjectId's hex form is queried as one
        Query byId = Query.query(Criteria.where("id").is(userId));
        byId.fields().include("roles", "disabled", "deletedAt");
        return Optional.ofNullable(mongo.findOne(byId, UserDocument.class))
                .map(user -> new AccountState(user.roles() == null ? List.of() : user.roles(), user.active()));
    }
}
