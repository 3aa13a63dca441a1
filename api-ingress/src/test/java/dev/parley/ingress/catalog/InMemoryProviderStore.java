package dev.parley.ingress.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's contract in memory: inserts fail on a taken name, replacements and removals need the version. */
public class InMemoryProviderStore extends ProviderStore {

    public final Map<String, ProviderDocument> documents = new LinkedHashMap<>();
    /** Runs before each replacement, e.g. to play another writer that gets there first. */
    public Runnable beforeReplace = () -> { };

    public InMemoryProviderStore(List<ProviderDocument> initial) {
        super(null);
        initial.forEach(document -> documents.put(document.name(), document));
    }

    @Override
    public synchronized List<ProviderDocument> all() {
        return new ArrayList<>(documents.values());
    }

    @Override
    public synchronized Optional<ProviderDocument> find(String name) {
        return Optional.ofNullable(documents.get(name));
    }

    @Override
    public synchronized boolean insert(ProviderDocument document) {
        return documents.putIfAbsent(document.name(), document) == null;
    }

    @Override
    public boolean replace(ProviderDocument document, long expectedVersion) {
        Runnable before = beforeReplace;
        beforeReplace = () -> { };
        before.run();
        synchronized (this) {
            ProviderDocument current = documents.get(document.name());
            if (current == null || current.version() != expectedVersion) {
                return false;
            }
            documents.put(document.name(), document);
            return true;
        }
    }

    @Override
    public synchronized boolean delete(String name, long expectedVersion) {
        ProviderDocument current = documents.get(name);
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        documents.remove(name);
        return true;
    }
}
