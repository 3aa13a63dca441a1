package dev.parley.accounting.usage;

import static dev.parley.accounting.usage.UsageEvents.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebitPolicyTest {

    private final DebitPolicy policy = new DebitPolicy(false);

    @Test
    void debitsInputPlusOutputTokens() {
        assertThat(policy.debitFor(recorded("u", 120, 80, false))).isEqualTo(200);
    }

    @Test
    void debitsNothingForAnEmptyCall() {
        assertThat(policy.debitFor(recorded("u", 0, 0, false))).isZero();
    }

    @Test
    void debitsPartialUsageOfCancelledAndFailedCallsLikeAnyOther() {
        var cancelled = new RecordedUsage("e", "r", "u", null, "p", "m", 50, 7, 0, 0, "ESTIMATED", "CANCELLED", false,
                null);
        assertThat(policy.debitFor(cancelled)).isEqualTo(57);
    }

    @Test
    void doesNotDebitOwnKeyUsageByDefault() {
        assertThat(policy.debitFor(recorded("u", 120, 80, true))).isZero();
    }

    @Test
    void debitsOwnKeyUsageWhenConfigured() {
        assertThat(new DebitPolicy(true).debitFor(recorded("u", 120, 80, true))).isEqualTo(200);
    }

    @Test
    void cachedAndReasoningTokensAreAlreadyPartOfInputAndOutput() {
        var usage = new RecordedUsage("e", "r", "u", null, "p", "m", 100, 40, 60, 30, "PROVIDER_REPORTED",
                "COMPLETED", false, null);
        assertThat(policy.debitFor(usage)).isEqualTo(140);
    }
}
