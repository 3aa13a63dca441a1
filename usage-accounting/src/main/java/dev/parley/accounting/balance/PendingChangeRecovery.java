package dev.parley.accounting.balance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.parley.accounting.ledger.LedgerEntry;
import dev.parley.accounting.ledger.LedgerRepository;
import dev.parley.accounting.ledger.LedgerType;

/**
 * Finishes balance changes a crash left PENDING (grants, grant expiries, refills, set-balance from admins and
 * integrations), at startup and every minute, so that balance and ledger agree again whatever step the crash
 * interrupted. Usage debits are not its business: an unfinished debit's record is redelivered by Kafka.
 */
@Component
class PendingChangeRecovery {

    /** Younger entries probably belong to a request still running; finishing them too would be safe, but wasted. */
    static final Duration GRACE = Duration.ofSeconds(10);
    static final Set<LedgerType> CHANGES = EnumSet.of(LedgerType.GRANT, LedgerType.GRANT_EXPIRY, LedgerType.REFILL,
            LedgerType.ADJUSTMENT_CREDIT, LedgerType.ADJUSTMENT_DEBIT);
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(PendingChangeRecovery.class);

    private final LedgerRepository ledger;
    private final BalanceChanges changes;
    private final Clock clock;

    PendingChangeRecovery(LedgerRepository ledger, BalanceChanges changes, Clock clock) {
        this.ledger = ledger;
        this.changes = changes;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${parley.accounting.jobs.pending-changes:PT1M}")
    void run() {
        recover(clock.instant());
    }

    /** @return how many pending entries were finished (applied or voided) */
    int recover(Instant now) {
        int finished = 0;
        for (LedgerEntry entry : ledger.pending(CHANGES, now.minus(GRACE), BATCH)) {
            try {
                boolean applied = changes.complete(entry).isPresent();
                log.info("Finished {} {} of account {} left pending: {}", entry.type(), entry.eventId(),
                        entry.accountId(), applied ? "applied" : "void");
                finished++;
            } catch (RuntimeException e) {
                // one broken entry must not stop the others; the next run tries it again
                log.warn("Could not finish pending {} {}", entry.type(), entry.eventId(), e);
            }
        }
        return finished;
    }
}
