package dev.parley.accounting.usage;

import static dev.parley.accounting.usage.UsageEvents.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.parley.accounting.price.ModelPrice;
import dev.parley.accounting.price.PriceTopic;

class DebitPolicyTest {

    private static final ModelPrice ONE = PriceTopic.ONE_CREDIT_PER_TOKEN;

    private final DebitPolicy policy = new DebitPolicy(false);

    @Test
    void debitsInputPlusOutputTokens() {
        assertThat(policy.debitFor(recorded("u", 120, 80, false), ONE)).isEqualTo(200);
    }

    @Test
    void debitsNothingForAnEmptyCall() {
        assertThat(policy.debitFor(recorded("u", 0, 0, false), ONE)).isZero();
    }

    @Test
    void debitsPartialUsageOfCancelledAndFailedCallsLikeAnyOther() {
        var cancelled = new RecordedUsage("e", "r", "u", null, "p", "m", 50, 7, 0, 0, "ESTIMATED", "CANCELLED", false,
                null, null);
        assertThat(policy.debitFor(cancelled, ONE)).isEqualTo(57);
    }

    @Test
    void doesNotDebitOwnKeyUsageByDefault() {
        assertThat(policy.debitFor(recorded("u", 120, 80, true), ONE)).isZero();
    }

    @Test
    void debitsOwnKeyUsageWhenConfigured() {
        assertThat(new DebitPolicy(true).debitFor(recorded("u", 120, 80, true), ONE)).isEqualTo(200);
    }

    @Test
    void pricesEachKindOfTokenAtTheModelsPrice() {
        var usage = new RecordedUsage("e", "r", "u", null, "p", "m", 1_000, 500, 400, 0, "PROVIDER_REPORTED",
                "COMPLETED", false, null, null);
        // 600 x 2.0 + 400 x 0.5 + 500 x 8.0 credits
        assertThat(policy.debitFor(usage, new ModelPrice(2_000_000, 8_000_000, 500_000))).isEqualTo(5_400);
    }

    @Test
    void cachedAndReasoningTokensAreAlreadyPartOfInputAndOutput() {
        var usage = new RecordedUsage("e", "r", "u", null, "p", "m", 100, 40, 60, 30, "PROVIDER_REPORTED",
                "COMPLETED", false, null, null);
        assertThat(policy.debitFor(usage, ONE)).isEqualTo(140);
    }
}
