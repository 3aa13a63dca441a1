package dev.parley.accounting.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.parley.accounting.price.PriceBook.Priced;
import dev.parley.events.ModelPriced;
import dev.parley.events.Topics;

/** Which price a usage gets from the table read off catalog.prices, and when none is decided at all. */
class PriceBookTest {

    static final ModelPrice CHEAP = new ModelPrice(150_000, 600_000, 75_000);
    static final ModelPrice DEAR = new ModelPrice(2_000_000, 8_000_000, 500_000);
    static final ModelPrice DEFAULT = new ModelPrice(1_000_000, 1_000_000, 1_000_000);

    final PriceBook book = new PriceBook();

    @Test
    void nothingIsPricedBeforeTheTopicIsReadToItsEnd() {
        book.apply("gpt-4o-mini", priced("gpt-4o-mini", CHEAP));

        assertThatThrownBy(() -> book.priceFor("gpt-4o-mini")).isInstanceOf(PricesUnavailableException.class);

        book.markLoaded();
        assertThat(book.priceFor("gpt-4o-mini")).isEqualTo(new Priced(CHEAP, false));
    }

    @Test
    void theNewestRecordOfAModelWins() {
        book.apply("gpt-4.1", priced("gpt-4.1", CHEAP));
        book.apply("gpt-4.1", priced("gpt-4.1", DEAR));
        book.markLoaded();

        assertThat(book.priceFor("gpt-4.1").price()).isEqualTo(DEAR);
        assertThat(book.prices()).containsExactly(java.util.Map.entry("gpt-4.1", DEAR));
    }

    @Test
    void aModelWithoutAPriceCostsTheCatalogsDefaultAndSaysSo() {
        book.apply(Topics.DEFAULT_PRICE_KEY, priced(Topics.DEFAULT_PRICE_KEY, DEFAULT));
        book.markLoaded();

        assertThat(book.priceFor("nobody/priced")).isEqualTo(new Priced(DEFAULT, true));
        assertThat(book.defaultPrice()).contains(DEFAULT);
    }

    @Test
    void withoutAnyDefaultAnUnpricedModelWaitsRatherThanBeingFree() {
        book.markLoaded();

        assertThatThrownBy(() -> book.priceFor("nobody/priced")).isInstanceOf(PricesUnavailableException.class)
                .isInstanceOf(org.apache.kafka.common.errors.RetriableException.class);
    }

    @Test
    void aModelThatLeftTheCatalogKeepsItsLastPriceForUsageStillInFlight() {
        book.apply(Topics.DEFAULT_PRICE_KEY, priced(Topics.DEFAULT_PRICE_KEY, DEFAULT));
        book.apply("retired-1", priced("retired-1", DEAR));
        book.markLoaded();

        book.apply("retired-1", null);

        assertThat(book.prices()).doesNotContainKey("retired-1");
        assertThat(book.priceFor("retired-1")).isEqualTo(new Priced(DEAR, false));

        book.apply("retired-1", priced("retired-1", CHEAP));
        assertThat(book.priceFor("retired-1").price()).isEqualTo(CHEAP);
    }

    static ModelPriced priced(String model, ModelPrice price) {
        return ModelPriced.newBuilder().setModel(model).setProvider(null).setInput(price.input())
                .setOutput(price.output()).setCachedInput(price.cachedInput()).setPricedAt(Instant.EPOCH).build();
    }
}
