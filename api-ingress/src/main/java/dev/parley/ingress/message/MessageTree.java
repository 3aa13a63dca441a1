package dev.parley.ingress.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The messages of a conversation as a tree: editing a question or regenerating an answer adds a sibling, so the
 * old branch stays. Messages from before branches have no parent id and follow the message stored just before
 * them, which makes old conversations one linear branch.
 */
final class MessageTree {

    /** The parent id of a conversation's first message. */
    static final String ROOT = "root";

    private final Map<String, MessageDocument> byId = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Set<String> withChildren = new HashSet<>();

    /** @param oldestFirst all messages of one conversation, oldest first */
    MessageTree(List<MessageDocument> oldestFirst) {
        String previous = null;
        for (MessageDocument message : oldestFirst) {
            String parent = message.parentId() == null ? previous : ROOT.equals(message.parentId()) ? null
                    : message.parentId();
            byId.put(message.id(), message);
            parents.put(message.id(), parent);
            if (parent != null) {
                withChildren.add(parent);
            }
            previous = message.id();
        }
    }

    Optional<MessageDocument> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The message's parent, or null for a first message. */
    String parentOf(String id) {
        return parents.get(id);
    }

    boolean isLeaf(String id) {
        return byId.containsKey(id) && !withChildren.contains(id);
    }

    /** Every message, oldest first. */
    List<MessageDocument> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The branch that ends with {@code leafId}, oldest first. Without a (known) leaf it is the newest message's
     * branch, which is what conversations from before branches show.
     */
    List<MessageDocument> branch(String leafId) {
        String id = leafId != null && byId.containsKey(leafId) ? leafId : newest();
        List<MessageDocument> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (id != null && byId.containsKey(id) && seen.add(id)) {
            path.add(byId.get(id));
            id = parents.get(id);
        }
        Collections.reverse(path);
        return path;
    }

    private String newest() {
        String last = null;
        for (String id : byId.keySet()) {
            last = id;
        }
        return last;
    }
}
