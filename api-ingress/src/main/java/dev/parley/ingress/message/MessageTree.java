package dev.parley.ingress.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.ingress.conversation.MessageNode;

/**
 * The messages of a conversation as a tree of ids: editing a question or regenerating an answer adds a sibling,
 * so the old branch stays. Messages from before branches have no parent id and follow the message stored just
 * before them, which makes old conversations one linear branch. Built from the nodes the conversation keeps; the
 * messages themselves are read by id, only those a caller needs.
 */
public final class MessageTree {

    /** The parent id of a conversation's first message. */
    public static final String ROOT = "root";

    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Set<String> withChildren = new HashSet<>();

    /** @param oldestFirst the conversation's nodes in the order their messages were stored */
    public MessageTree(List<MessageNode> oldestFirst) {
        String previous = null;
        for (MessageNode node : oldestFirst) {
            String parent = node.parentId() == null ? previous : ROOT.equals(node.parentId()) ? null
                    : node.parentId();
            parents.put(node.id(), parent);
            if (parent != null) {
                withChildren.add(parent);
            }
            previous = node.id();
        }
    }

    public static MessageNode nodeOf(MessageDocument message) {
        return new MessageNode(message.id(), message.parentId());
    }

    public boolean contains(String id) {
        return parents.containsKey(id);
    }

    /** The message's parent, or null for a first message. */
    String parentOf(String id) {
        return parents.get(id);
    }

    public boolean isLeaf(String id) {
        return parents.containsKey(id) && !withChildren.contains(id);
    }

    /** Every message, oldest first. */
    List<String> all() {
        return List.copyOf(parents.keySet());
    }

    /**
     * The branch that ends with {@code leafId}, oldest first. Without a (known) leaf it is the newest message's
     * branch, which is what conversations from before branches show.
     */
    public List<String> branch(String leafId) {
        String id = leafId != null && parents.containsKey(leafId) ? leafId : newest();
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (id != null && parents.containsKey(id) && seen.add(id)) {
            path.add(id);
            id = parents.get(id);
        }
        Collections.reverse(path);
        return path;
    }

    private String newest() {
        String last = null;
        for (String id : parents.keySet()) {
            last = id;
        }
        return last;
    }
}
