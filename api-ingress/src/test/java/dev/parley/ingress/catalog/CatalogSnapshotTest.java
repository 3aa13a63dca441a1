package dev.parley.ingress.catalog;

import static dev.parley.ingress.catalog.CatalogFixtures.KEY;
import static dev.parley.ingress.catalog.CatalogFixtures.admin;
import static dev.parley.ingress.catalog.CatalogFixtures.builtIn;
import static dev.parley.ingress.catalog.CatalogFixtures.builtIns;
import static dev.parley.ingress.catalog.CatalogFixtures.configured;
import static dev.parley.ingress.catalog.CatalogFixtures.disabled;
import static dev.parley.ingress.catalog.CatalogFixtures.disabledModel;
import static dev.parley.ingress.catalog.CatalogFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CatalogSnapshotTest {

    static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2025-02-01T00:00:00Z");

    static CatalogSnapshot snapshot(List<ProviderDocument> documents) {
        return CatalogSnapshot.of(documents, configured(), "mock-1");
    }

    static List<ProviderDocument> with(ProviderDocument... extra) {
        List<ProviderDocument> documents = new ArrayList<>(builtIns());
        documents.addAll(List.of(extra));
        return documents;
    }

    @Test
    void builtInsComeInConfigurationOrderThenAdminProvidersOldestFirst() {
        var snapshot = snapshot(with(
                admin("zeta", "openai-compatible", "https://z.example/v1", null, T1, model("z-1")),
                admin("alpha", "openai-compatible", "https://a.example/v1", null, T2, model("a-1"))));

        assertThat(snapshot.models(Set.of())).extracting(CatalogModel::id)
                .containsExactly("mock-1", "mock-error", "openai/gpt-4o-mini", "z-1", "a-1");
        assertThat(snapshot.models(Set.of()).getFirst().isDefault()).isTrue();
        assertThat(snapshot.models(Set.of()).get(1).isDefault()).isFalse();
    }

    @Test
    void aBuiltInWithoutItsServerKeyIsUsableOnlyWithTheUsersOwnKey() {
        var snapshot = snapshot(builtIns());

        assertThat(snapshot.find("gpt-4o-mini", Set.of())).isEmpty();
        assertThat(snapshot.find("gpt-4o-mini", Set.of("openai"))).map(CatalogModel::provider).hasValue("openai");
        assertThat(snapshot.models(Set.of("openai"))).extracting(CatalogModel::id).contains("gpt-4o-mini");
        assertThat(snapshot.provider("openai")).hasValueSatisfying(provider -> {
            assertThat(provider.usable()).isFalse();
            assertThat(provider.baseUrl()).isNull();
        });
    }

    @Test
    void effectiveEnabledIsTheConfigurationFlagAndTheDocumentFlag() {
        List<ProviderDocument> documents = new ArrayList<>(builtIns());
        documents.set(0, disabled(documents.get(0)));

        var snapshot = snapshot(documents);

        assertThat(snapshot.find("openai/gpt-4o-mini", Set.of("openrouter"))).isEmpty();
        assertThat(snapshot.provider("openrouter")).hasValueSatisfying(p -> assertThat(p.usable()).isFalse());
    }

    @Test
    void adminProvidersAreUsableWithAKeyOrWhenTheirKindNeedsNone() {
        var snapshot = snapshot(with(
                admin("keyed", "openai", null, KEY, T1, model("k-1")),
                admin("keyless", "anthropic", null, null, T1, model("n-1")),
                admin("local", "openai-compatible", "http://10.0.0.5/v1", null, T1, model("l-1")),
                admin("fake", "mock", null, null, T1, model("f-1"))));

        assertThat(snapshot.models(Set.of())).extracting(CatalogModel::id).contains("k-1", "l-1", "f-1")
                .doesNotContain("n-1");
        assertThat(snapshot.find("n-1", Set.of("keyless"))).isPresent();
        assertThat(snapshot.provider("keyed")).hasValueSatisfying(p ->
                assertThat(p.baseUrl()).isEqualTo("https://api.openai.com/v1"));
        assertThat(snapshot.provider("keyless")).hasValueSatisfying(p ->
                assertThat(p.baseUrl()).isEqualTo("https://api.anthropic.com"));
        assertThat(snapshot.provider("local")).hasValueSatisfying(p ->
                assertThat(p.baseUrl()).isEqualTo("http://10.0.0.5/v1"));
    }

    @Test
    void disabledModelsAndProvidersAreNotOfferedButKeepTheirPrices() {
        var snapshot = snapshot(with(
                admin("acme", "openai-compatible", "https://a.example/v1", null, T1, model("on"), disabledModel("off")),
                disabled(admin("gone", "openai-compatible", "https://g.example/v1", null, T1, model("g-1")))));

        assertThat(snapshot.models(Set.of("acme", "gone"))).extracting(CatalogModel::id).contains("on")
                .doesNotContain("off", "g-1");
        assertThat(snapshot.prices()).containsKeys("on", "off", "g-1", "mock-1", "gpt-4o-mini");
        assertThat(snapshot.owner("off")).hasValue("acme");
    }

    @Test
    void aModelIdOfferedTwiceKeepsTheFirstAndIsReported() {
        var snapshot = snapshot(with(admin("copycat", "openai-compatible", "https://c.example/v1", null, T1,
                model("mock-1"), model("own"))));

        assertThat(snapshot.find("mock-1", Set.of())).map(CatalogModel::provider).hasValue("mock");
        assertThat(snapshot.find("own", Set.of())).isPresent();
        assertThat(snapshot.conflicts()).singleElement().asString().contains("mock-1").contains("copycat");
    }

    @Test
    void theDefaultModelCountsOnlyWhenTheServerCanRunIt() {
        assertThat(snapshot(builtIns()).defaultModel()).map(CatalogModel::id).hasValue("mock-1");
        assertThat(CatalogSnapshot.of(builtIns(), configured(), "gpt-4o-mini").defaultModel()).isEmpty();
        assertThat(snapshot(List.of(builtIn("mock", "mock", disabledModel("mock-1")))).defaultModel()).isEmpty();
    }
}
