package dev.parley.ingress.auth;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
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
        Query byId = Query.query(Criteria.where("_id").is(userId));
        byId.fields().include("roles", "disabled", "deletedAt");
        Document found = mongo.findOne(byId, Document.class, "users");
        if (found == null) {
            return Optional.empty();
        }
        List<String> roles = found.getList("roles", String.class, List.of());
        boolean active = !found.getBoolean("disabled", false) && found.get("deletedAt") == null;
        return Optional.of(new AccountState(roles, active));
    }
}
