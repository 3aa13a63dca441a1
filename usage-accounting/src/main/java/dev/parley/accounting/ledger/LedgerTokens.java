package dev.parley.accounting.ledger;

/**
 * The token counts of one provider call, kept apart because prices may differ per kind.
 *
 * @param cachedInput part of {@code input} served from the provider's prompt cache
 * @param reasoning part of {@code output} spent on hidden reasoning
 */
public record LedgerTokens(long input, long output, long cachedInput, long reasoning) {

    public static final LedgerTokens NONE = new LedgerTokens(0, 0, 0, 0);
}
