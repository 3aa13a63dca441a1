package dev.parley.accounting.usage;

/**
 * How many tokens a provider call takes from the balance: its input plus its output tokens, whether the call
 * completed, was cancelled or failed. Calls made with the user's own provider key are paid by the user at the
 * provider, so they are recorded but not debited unless configured otherwise.
 */
final class DebitPolicy {

    private final boolean debitOwnKeyUsage;

    DebitPolicy(boolean debitOwnKeyUsage) {
        this.debitOwnKeyUsage = debitOwnKeyUsage;
    }

    /**
     * @throws ArithmeticException when the sum overflows a long, which no real call can reach
     */
    long debitFor(RecordedUsage usage) {
        if (usage.ownKey() && !debitOwnKeyUsage) {
            return 0;
        }
        return Math.addExact(usage.inputTokens(), usage.outputTokens());
    }
}
