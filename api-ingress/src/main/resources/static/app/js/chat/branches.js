// The message tree: every message has a parentId (the first one "root"); regenerating and editing add siblings.
// Switching to a sibling shows the newest branch below it.

/** Sibling groups of every message of {@code all} (every branch), keyed by message id. */
export function siblingsOf(all) {
    const byParent = new Map();
    all.forEach((message, index) => {
        const parent = message.parentId || (index > 0 ? all[index - 1].id : 'root');
        if (!byParent.has(parent)) {
            byParent.set(parent, []);
        }
        byParent.get(parent).push(message);
    });
    const siblings = new Map();
    byParent.forEach(group => group.forEach(message => siblings.set(message.id, group)));
    return {siblings, byParent};
}

/** The last message of the newest branch below {@code message}. */
export function newestLeaf(message, byParent) {
    let leaf = message;
    for (let children = byParent.get(leaf.id); children && children.length; children = byParent.get(leaf.id)) {
        leaf = children[children.length - 1];
    }
    return leaf;
}
