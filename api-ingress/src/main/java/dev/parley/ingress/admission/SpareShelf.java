package dev.parley.ingress.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** One key's spares and refill state; guarded by its own monitor. */
final class SpareShelf {

    final ArrayDeque<SparePool.Spare> spares = new ArrayDeque<>();
    Instant lastDemand = Instant.MIN;
    Instant quietUntil = Instant.MIN;
    boolean refilling;

    /** The oldest spare held after {@code heldAfter} that fits, removed; null when none does. */
    SparePool.Spare take(long estimatedInputTokens, int maxOutputTokens, Instant heldAfter) {
        for (Iterator<SparePool.Spare> it = spares.iterator(); it.hasNext();) {
            SparePool.Spare spare = it.next();
            if (spare.heldAt().isAfter(heldAfter) && spare.fits(estimatedInputTokens, maxOutputTokens)) {
                it.remove();
                return spare;
            }
        }
        return null;
    }

    /** How many spares to hold now (0: none), counting this demand; marks the refill as running. */
    int refillWanted(Instant now, Duration idle, int perKey, boolean closed) {
        boolean busy = lastDemand.isAfter(now.minus(idle.dividedBy(perKey)));
        lastDemand = now;
        if (!busy || refilling || closed || now.isBefore(quietUntil) || spares.size() > perKey / 4) {
            return 0;
        }
        refilling = true;
        return perKey - spares.size();
    }

    List<SparePool.Spare> removeHeldBefore(Instant cutoff) {
        List<SparePool.Spare> old = new ArrayList<>();
        spares.removeIf(spare -> !spare.heldAt().isAfter(cutoff) && old.add(spare));
        return old;
    }

    boolean forgettable(Instant cutoff) {
        return spares.isEmpty() && !refilling && !lastDemand.isAfter(cutoff) && !quietUntil.isAfter(cutoff);
    }
}
