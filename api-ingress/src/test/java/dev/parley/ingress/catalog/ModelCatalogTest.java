package dev.parley.ingress.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    static Map<String, CatalogProperties.Provider> providers() {
        Map<String, CatalogProperties.Provider> providers = new LinkedHashMap<>();
        providers.put("mock", new CatalogProperties.Provider(true, List.of("mock-1", "mock-error"), 1024));
        providers.put("openai", new CatalogProperties.Provider(false, List.of("gpt-4o-mini"), 4096));
        providers.put("openrouter", new CatalogProperties.Provider(true, List.of("openai/gpt-4o-mini"), 4096));
        return providers;
    }

    final ModelCatalog catalog = new ModelCatalog("mock-1", providers());

    @Test
    void listsOnlyEnabledModelsInOrderAndMarksTheDefault() {
        assertThat(catalog.models()).containsExactly(
                new CatalogModel("mock-1", "mock", true),
                new CatalogModel("mock-error", "mock", false),
                new CatalogModel("openai/gpt-4o-mini", "openrouter", false));
    }

    @Test
    void resolvesRequestedThenConversationThenDefault() {
        assertThat(catalog.resolve("mock-error", "openai/gpt-4o-mini")).map(CatalogModel::id).hasValue("mock-error");
        assertThat(catalog.resolve(null, "openai/gpt-4o-mini")).map(CatalogModel::provider).hasValue("openrouter");
        assertThat(catalog.resolve(" ", null)).map(CatalogModel::id).hasValue("mock-1");
    }

    @Test
    void unknownOrDisabledModelsDoNotFallBack() {
        assertThat(catalog.resolve("gpt-4o-mini", null)).isEmpty();
        assertThat(catalog.resolve(null, "nope")).isEmpty();
    }

    @Test
    void aDisabledProvidersModelsAreUsableWithTheUsersOwnKey() {
        assertThat(catalog.resolve("gpt-4o-mini", null, Set.of("openai")))
                .hasValue(new CatalogModel("gpt-4o-mini", "openai", false));
        assertThat(catalog.resolve("gpt-4o-mini", null, Set.of("anthropic"))).isEmpty();
        assertThat(catalog.models(Set.of("openai"))).extracting(CatalogModel::id)
                .containsExactly("mock-1", "mock-error", "openai/gpt-4o-mini", "gpt-4o-mini");
        assertThat(catalog.defaultMaxTokens(new CatalogModel("gpt-4o-mini", "openai", false))).isEqualTo(4096);
        assertThat(catalog.hasProvider("openai")).isTrue();
        assertThat(catalog.hasProvider("acme")).isFalse();
    }

    @Test
    void eachModelHasItsProvidersDefaultOutputLimit() {
        assertThat(catalog.defaultMaxTokens(catalog.find("mock-1").orElseThrow())).isEqualTo(1024);
        assertThat(catalog.defaultMaxTokens(catalog.find("openai/gpt-4o-mini").orElseThrow())).isEqualTo(4096);
        assertThatThrownBy(() -> catalog.defaultMaxTokens(new CatalogModel("gpt-99", "openai", false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultModelMustBeEnabled() {
        assertThatThrownBy(() -> new ModelCatalog("gpt-4o-mini", providers()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gpt-4o-mini");
    }

    @Test
    void aModelIdMustNameOneProvider() {
        Map<String, CatalogProperties.Provider> providers = providers();
        providers.put("other", new CatalogProperties.Provider(true, List.of("mock-1"), 4096));

        assertThatThrownBy(() -> new ModelCatalog("mock-1", providers))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both");
    }
}
