package dev.parley.stack;

import java.util.Optional;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Makes mongo-java-server use a collection's {@code _id} index for a query that names an {@code _id} and further
 * conditions, as a real MongoDB does. mongo-java-server only uses an index whose keys are exactly the query's
 * keys, so {@code {_id: x, balance: {$gte: 5}}} (every conditional update) scanned the whole collection. Here the
 * {@code _id} part alone picks the candidate documents, and the whole query then filters them as before, so
 * results are unchanged; only the work per query stops growing with the collection.
 */
final class IdIndexLookup {

    private IdIndexLookup() {
    }

    /** The {@code _id} index that can answer the query's {@code _id} part, with that part, if the query has more. */
    static <P> Optional<Lookup<P>> of(Document query, String idField, Iterable<Index<P>> indexes) {
        if (idField == null || query.size() < 2 || !query.containsKey(idField)) {
            return Optional.empty();
        }
        Document idPart = new Document(idField, query.get(idField));
        for (Index<P> index : indexes) {
            // canHandle requires the index keys to be exactly the id part
            if (index.isUnique() && index.canHandle(idPart)) {
                return Optional.of(new Lookup<>(index, idPart));
            }
        }
        return Optional.empty();
    }

    record Lookup<P>(Index<P> index, Document idPart) {

        Iterable<P> positions() {
            return index.getPositions(idPart);
        }
    }
}
