package dev.parley.ingress.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code providers} collection. Every write is one atomic single-document operation: an insert that fails
 * when the name exists, or a replacement or removal that matches only the version the writer read.
 */
@Component
public class ProviderStore {

    private final MongoTemplate mongo;

    ProviderStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<ProviderDocument> all() {
        return mongo.findAll(ProviderDocument.class);
    }

    public Optional<ProviderDocument> find(String name) {
        return Optional.ofNullable(mongo.findById(name, ProviderDocument.class));
    }

    /** @return false when a provider of that name exists (nothing is written then) */
    public boolean insert(ProviderDocument document) {
        try {
            mongo.insert(document);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** @return false when the stored document is no longer at {@code expectedVersion} (or is gone) */
    public boolean replace(ProviderDocument document, long expectedVersion) {
        return mongo.findAndReplace(current(document.name(), expectedVersion), document) != null;
    }

    /** @return false when the stored document is no longer at {@code expectedVersion} (or is gone) */
    public boolean delete(String name, long expectedVersion) {
        return mongo.remove(current(name, expectedVersion), ProviderDocument.class).getDeletedCount() > 0;
    }

    private static Query current(String name, long version) {
        return Query.query(Criteria.where("_id").is(name).and("version").is(version));
    }
}
