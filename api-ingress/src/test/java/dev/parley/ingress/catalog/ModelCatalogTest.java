package dev.parley.ingress.catalog;

import static dev.parley.ingress.catalog.CatalogFixtures.builtIn;
import static dev.parley.ingress.catalog.CatalogFixtures.builtIns;
import static dev.parley.ingress.catalog.CatalogFixtures.configured;
import static dev.parley.ingress.catalog.CatalogFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    final ProviderStore store = mock(ProviderStore.class);
    final ModelCatalog catalog = new ModelCatalog(store, configured(), "mock-1");

    ModelCatalogTest() {
        given(store.all()).willReturn(builtIns());
        catalog.refresh();
    }

    @Test
    void resolvesRequestedThenConversationThenDefault() {
        assertThat(catalog.resolve("mock-error", "openai/gpt-4o-mini")).map(CatalogModel::id).hasValue("mock-error");
        assertThat(catalog.resolve(null, "openai/gpt-4o-mini")).map(CatalogModel::provider).hasValue("openrouter");
        assertThat(catalog.resolve(" ", null)).map(CatalogModel::id).hasValue("mock-1");
    }

    @Test
    void unknownOrUnusableModelsDoNotFallBack() {
        assertThat(catalog.resolve("gpt-4o-mini", null)).isEmpty();
        assertThat(catalog.resolve(null, "nope")).isEmpty();
        assertThat(catalog.resolve("gpt-4o-mini", null, Set.of("openai"))).map(CatalogModel::provider)
                .hasValue("openai");
    }

    @Test
    void usersMayStoreKeysForProvidersWhoseApiTakesThemButNotForTheMock() {
        assertThat(catalog.takesOwnKeys("openai")).isTrue();
        assertThat(catalog.takesOwnKeys("openrouter")).as("a built-in hosted API").isTrue();
        assertThat(catalog.takesOwnKeys("mock")).isFalse();
        assertThat(catalog.takesOwnKeys("acme")).isFalse();
    }

    @Test
    void aRefreshShowsWhatTheCollectionHoldsNow() {
        List<ProviderDocument> documents = new ArrayList<>(builtIns());
        documents.add(CatalogFixtures.admin("acme", "mock", null, null, java.time.Instant.EPOCH, model("acme-1")));
        given(store.all()).willReturn(documents);
        assertThat(catalog.find("acme-1", Set.of())).isEmpty();

        catalog.refresh();

        assertThat(catalog.find("acme-1", Set.of())).isPresent();
        assertThat(catalog.pricedModels()).containsKey("acme-1");
    }

    @Test
    void theDefaultModelMustBeUsable() {
        catalog.requireDefault();
        given(store.all()).willReturn(List.of(builtIn("openai", "openai", model("mock-1"))));
        catalog.refresh();

        assertThatThrownBy(catalog::requireDefault).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mock-1");
    }
}
