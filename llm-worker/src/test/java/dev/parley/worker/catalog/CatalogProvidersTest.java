package dev.parley.worker.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.events.FinishReason;
import dev.parley.events.ProviderKind;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.config.ProviderProperties.Limits;
import dev.parley.worker.config.ProviderProperties.Retry;
import dev.parley.worker.config.ProviderProperties.Timeouts;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.ConfiguredProvider;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.ProviderFactory;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderUsage;

/** Catalog providers are built guarded, once per name, kind and URL, in a bounded cache. */
class CatalogProvidersTest {

    static final ProviderRequest REQUEST = new ProviderRequest("gpt-4o-mini",
            List.of(new PromptMessage(PromptMessage.Role.USER, "Hi")), null, null, 20, List.of());

    final List<String> built = new ArrayList<>();
    final CatalogProviders catalog = new CatalogProviders(new CatalogDefaults(Timeouts.DEFAULT, Retry.DEFAULT,
            Limits.UNLIMITED, 4096, List.of(), 3), List.of(new RecordingFactory(ProviderKind.OPENAI_COMPATIBLE),
            new RecordingFactory(ProviderKind.ANTHROPIC), new RecordingFactory(ProviderKind.MOCK)));

    @Test
    void buildsAGuardedProviderOncePerNameKindAndUrl() {
        var endpoint = new Endpoint(ProviderKind.OPENAI_COMPATIBLE, "https://a.example.com/v1");

        ConfiguredProvider first = catalog.provider("team", endpoint, true);
        ConfiguredProvider again = catalog.provider("team",
                new Endpoint(ProviderKind.OPENAI_COMPATIBLE, "https://a.example.com/v1"), false);
        ConfiguredProvider moved = catalog.provider("team",
                new Endpoint(ProviderKind.OPENAI_COMPATIBLE, "https://b.example.com/v1"), true);

        assertThat(again).isSameAs(first);
        assertThat(moved).isNotSameAs(first);
        assertThat(built).containsExactly("guarded team OPENAI_COMPATIBLE https://a.example.com/v1",
                "guarded team OPENAI_COMPATIBLE https://b.example.com/v1");
        assertThat(first.name()).isEqualTo("team");
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfProviders() {
        for (int i = 0; i < 10; i++) {
            catalog.provider("provider-" + i, new Endpoint(ProviderKind.MOCK, null), false);
        }

        assertThat(catalog.cached()).isEqualTo(3);
        assertThat(built).hasSize(10);
    }

    @Test
    void aKindThatNeedsAKeyFailsWithoutOneAndCallsNothing() {
        ConfiguredProvider keyless = catalog.provider("claude", new Endpoint(ProviderKind.ANTHROPIC, null), false);
        ConfiguredProvider keyed = catalog.provider("claude", new Endpoint(ProviderKind.ANTHROPIC, null), true);

        ProviderResult refused = keyless.client().stream(REQUEST, text -> { }, new Cancellation());

        assertThat(refused.error().code()).isEqualTo(ErrorCodes.PROVIDER_NOT_CONFIGURED);
        assertThat(refused.error().message()).contains("claude").contains("no API key");
        assertThat(refused.streamOpened()).isFalse();
        assertThat(keyed.client().stream(REQUEST, text -> { }, new Cancellation()).outcome())
                .isEqualTo(ProviderResult.Outcome.COMPLETED);
    }

    @Test
    void anEndpointThatCannotBeCalledFailsEveryCallWithItsReason() {
        ConfiguredProvider provider = catalog.provider("local", new Endpoint(ProviderKind.OPENAI_COMPATIBLE, ""), true);

        ProviderResult result = provider.client().stream(REQUEST, text -> { }, new Cancellation());

        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_NOT_CONFIGURED);
        assertThat(provider.properties().retry()).isEqualTo(Retry.DEFAULT);
        assertThat(built).isEmpty();
    }

    /** Builds providers that answer at once, and records how each was built. */
    private final class RecordingFactory implements ProviderFactory {

        private final ProviderKind kind;

        RecordingFactory(ProviderKind kind) {
            this.kind = kind;
        }

        @Override
        public ProviderKind kind() {
            return kind;
        }

        @Override
        public ChatProvider create(String name, ProviderProperties properties) {
            built.add("unguarded " + name);
            return answering();
        }

        @Override
        public ChatProvider createGuarded(String name, ProviderProperties properties) {
            built.add("guarded " + name + " " + kind + (properties.hasBaseUrl() ? " " + properties.baseUrl() : ""));
            return answering();
        }

        private static ChatProvider answering() {
            return (request, sink, cancellation) -> ProviderResult.completed(FinishReason.STOP, ProviderUsage.of(1, 1));
        }
    }
}
