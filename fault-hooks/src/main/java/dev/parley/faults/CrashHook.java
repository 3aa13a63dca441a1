package dev.parley.faults;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.accounting.usage.DebitWriteListener;

/**
 * Kills usage-accounting at a chosen point of the debit protocol, so that an end-to-end test can prove a real kill
 * between the database write and the offset commit debits nothing twice. Unless
 * {@code parley.accounting.fault.halt-after-debit-write} is set it does nothing but count.
 */
class CrashHook implements DebitWriteListener {

    /** What a process killed with SIGKILL exits with. */
    static final int KILLED = 137;
    private static final Logger log = LoggerFactory.getLogger(CrashHook.class);

    private final int haltAfter;
    private final Runnable halt;
    private final AtomicInteger debits = new AtomicInteger();

    /** @param halt what halting means; tests pass one that only counts */
    CrashHook(FaultProperties properties, Runnable halt) {
        this.haltAfter = properties.haltAfterDebitWrite() != null ? properties.haltAfterDebitWrite() : 0;
        this.halt = halt;
        if (haltAfter > 0) {
            log.warn("""
                    *** TEST HOOK ACTIVE: parley.accounting.fault.halt-after-debit-write={}. This process will HALT \
                    (exit code {}) right after usage debit number {} is written. Never set this outside a crash test. ***\
                    """, haltAfter, KILLED, haltAfter);
        }
    }

    @Override
    public void afterDebitWrite(String eventId) {
        if (haltAfter > 0 && debits.incrementAndGet() == haltAfter) {
            log.warn("*** TEST HOOK: halting after the debit write of usage {} ***", eventId);
            halt.run();
        }
    }
}
