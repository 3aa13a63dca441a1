package dev.parley.accounting.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CostsTest {

    private static final ModelPrice GPT_41 = new ModelPrice(2_000_000, 8_000_000, 500_000);
    private static final ModelPrice GPT_4O_MINI = new ModelPrice(150_000, 600_000, 75_000);

    @Test
    void oneCreditPerTokenCostsTheTokenCount() {
        assertThat(Costs.of(PriceTopic.ONE_CREDIT_PER_TOKEN, 120, 0, 80)).isEqualTo(200);
    }

    @Test
    void aCheapAndAnExpensiveModelDebitDifferently() {
        assertThat(Costs.of(GPT_41, 1_000, 0, 500)).isEqualTo(6_000);
        assertThat(Costs.of(GPT_4O_MINI, 1_000, 0, 500)).isEqualTo(450);
    }

    @Test
    void cachedInputIsPartOfTheInputAtTheCachedPrice() {
        // 600 x 2 + 400 x 0.5 + 500 x 8
        assertThat(Costs.of(GPT_41, 1_000, 400, 500)).isEqualTo(5_400);
    }

    @Test
    void moreCachedThanInputTokensCountsAllInputAsCached() {
        assertThat(Costs.of(GPT_41, 100, 500, 0)).isEqualTo(Costs.of(GPT_41, 100, 100, 0)).isEqualTo(50);
    }

    @Test
    void roundsTheExactCostUpToAWholeCreditOnce() {
        // 7 x 0.15 = 1.05 credits -> 2; 6 x 0.15 + 1 x 0.6 = 1.5 -> 2, not 1 + 1 rounded per kind
        assertThat(Costs.of(GPT_4O_MINI, 7, 0, 0)).isEqualTo(2);
        assertThat(Costs.of(GPT_4O_MINI, 6, 0, 1)).isEqualTo(2);
        assertThat(Costs.of(GPT_4O_MINI, 0, 0, 0)).isZero();
        assertThat(Costs.of(new ModelPrice(1, 1, 1), 1_000_000, 0, 0)).isEqualTo(1);
        assertThat(Costs.of(new ModelPrice(1, 1, 1), 1_000_001, 0, 0)).isEqualTo(2);
    }

    @Test
    void largeProductsAreExact() {
        long tokens = 4_000_000_000_000L;
        // tokens x price overflows a long before the division; the result does not
        assertThat(Costs.of(new ModelPrice(8_000_000, 0, 0), tokens, 0, 0)).isEqualTo(32_000_000_000_000L);
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Costs.of(new ModelPrice(Long.MAX_VALUE, 0, 0), Long.MAX_VALUE, 0, 0));
    }

    @Test
    void theWorstCaseAssumesNoCacheAndEveryOutputToken() {
        assertThat(Costs.worstCase(GPT_41, 1_000, 500)).isEqualTo(6_000);
        assertThat(Costs.worstCase(GPT_41, 1_000, 500)).isGreaterThanOrEqualTo(Costs.of(GPT_41, 1_000, 400, 500));
        var dearCache = new ModelPrice(1_000_000, 1_000_000, 3_000_000);
        assertThat(Costs.worstCase(dearCache, 10, 0)).isEqualTo(Costs.of(dearCache, 10, 10, 0)).isEqualTo(30);
    }

    @Test
    void rejectsNegativeCountsAndPrices() {
        assertThatIllegalArgumentException().isThrownBy(() -> Costs.of(GPT_41, -1, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Costs.worstCase(GPT_41, 0, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ModelPrice(-1, 0, 0));
    }
}
