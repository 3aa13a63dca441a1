package dev.parley.accounting.usage;

import dev.parley.accounting.price.Costs;
import dev.parley.accounting.price.ModelPrice;

/**
 * What a provider call takes from the balance: its tokens at the model's prices ({@link Costs}), whether the
 * call completed, was cancelled or failed. Calls made with the user's own provider key are paid by the user at the
 * provider, so they are recorded but not debited unless configured otherwise.
 */
final class DebitPolicy {

    private final boolean debitOwnKeyUsage;

    DebitPolicy(boolean debitOwnKeyUsage) {
        this.debitOwnKeyUsage = debitOwnKeyUsage;
    }

    boolean charges(RecordedUsage usage) {
        return !usage.ownKey() || debitOwnKeyUsage;
    }

    /**
     * @throws ArithmeticException when the cost overflows a long, which no real call can reach
     */
    long debitFor(RecordedUsage usage, ModelPrice price) {
        if (!charges(usage)) {
            return 0;
        }
        return Costs.of(price, usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens());
    }
}
