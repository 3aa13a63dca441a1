package dev.parley.accounting.usage;

/**
 * Told of every usage debit right after it was written to its account (in one write with the other debits of that
 * account in its batch, each told in their order), before its ledger entry is marked APPLIED
 * and before the listener returns (so before its offset is committed). The service itself has none: the end-to-end
 * crash tests add one (module {@code fault-hooks}) to the packaged service's class path, to kill it at exactly
 * this point.
 */
public interface DebitWriteListener {

    void afterDebitWrite(String eventId);
}
