package dev.parley.stack;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The H2 file backend (./parley up), with queries by {@code _id} plus conditions answered through the id index.
 * Collections live in the same MVStore maps as with the plain backend, so existing data files open unchanged.
 */
final class KeyedH2Backend extends H2Backend {

    // map names of mongo-java-server's H2 backend (its on-disk format)
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    // H2Database opens its existing collections inside its constructor, before a subclass's fields are set
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    KeyedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        OPENING.set(getMvStore());
        try {
            return new Database(databaseName, getMvStore(), getCursorRegistry());
        } finally {
            OPENING.remove();
        }
    }

    private static final class Database extends H2Database {

        private final MVStore mvStore;

        Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
            super(databaseName, mvStore, cursorRegistry);
            this.mvStore = mvStore;
        }

        /**
         * Unique indexes in memory, rebuilt from the documents when their collection opens. The index maps the plain
         * backend stored are removed, so that a data file opened by it again has no stale index (it rebuilds too).
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVStore store = mvStore != null ? mvStore : OPENING.get();
            store.removeMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName);
            return new InMemoryUniqueIndex(indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = mvStore != null ? mvStore : OPENING.get();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap(DATA_PREFIX + fullName);
            MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }
    }

    /**
     * Hands out copies of the stored documents, never the stored objects. mongo-java-server applies an update to the
     * document its query returned, in place (fields removed and added), and then puts it again; with the stored
     * object itself, MVStore's background writer, which serializes unsaved pages without the collection's lock, could
     * serialize a document while its fields were added or removed: Java serialization writes a map's size before its
     * entries, so such bytes no longer deserialize, and the data file holds a document no restart can read. With a
     * copy, the update changes the copy and the put replaces the stored object, which nothing changes after that;
     * reads no longer share an object a concurrent update changes either.
     */
    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            QueryResult stored = IdIndexLookup.of(query, getIdField(), getIndexes())
                    .map(lookup -> matchDocuments(query, lookup.positions(), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector))
                    .orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector));
            return copies(stored);
        }

        /**
         * The documents of the first batch, copied. A larger result keeps the rest in its cursor as they are: only
         * reads page through a cursor, and a stored object is no longer changed once stored.
         */
        private static QueryResult copies(QueryResult stored) {
            List<Document> copies = new ArrayList<>();
            stored.forEach(document -> copies.add(document.cloneDeeply()));
            return new QueryResult(copies, stored.getCursorId());
        }
    }
}
