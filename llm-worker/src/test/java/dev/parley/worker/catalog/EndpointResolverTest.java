package dev.parley.worker.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.events.ProviderKind;
import dev.parley.worker.catalog.EndpointResolver.Resolution;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.config.ProviderProperties.Limits;
import dev.parley.worker.config.ProviderProperties.Retry;
import dev.parley.worker.config.ProviderProperties.Timeouts;
import dev.parley.worker.provider.ErrorCodes;

/** From a request's endpoint to a provider's settings: kinds, default URLs, catalog defaults, refusals. */
class EndpointResolverTest {

    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(20),
            Duration.ofSeconds(15), Duration.ofMinutes(2));
    static final Retry RETRY = new Retry(2, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));
    static final Limits LIMITS = new Limits(4, 60, 0, Duration.ofSeconds(10));
    static final CatalogDefaults DEFAULTS = new CatalogDefaults(TIMEOUTS, RETRY, LIMITS, 2048, List.of("o3", "gpt-5"),
            8);

    final EndpointResolver resolver = new EndpointResolver(DEFAULTS);

    @Test
    void openAiWithoutABaseUrlCallsOpenAiWithTheCatalogDefaults() {
        ProviderProperties properties = callable(resolver.resolve("team-openai", new Endpoint(ProviderKind.OPENAI, null)));

        assertThat(properties.kind()).isEqualTo(ProviderKind.OPENAI);
        assertThat(properties.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(properties.requiresKey()).isTrue();
        assertThat(properties.apiKey()).as("the key comes with each request").isNull();
        assertThat(properties.timeouts()).isEqualTo(TIMEOUTS);
        assertThat(properties.retry()).isEqualTo(RETRY);
        assertThat(properties.limits()).isEqualTo(LIMITS);
        assertThat(properties.defaultMaxTokens()).isEqualTo(2048);
        assertThat(properties.maxCompletionTokensModels()).containsExactly("o3", "gpt-5");
    }

    @Test
    void anthropicWithoutABaseUrlCallsAnthropic() {
        ProviderProperties properties = callable(resolver.resolve("claude", new Endpoint(ProviderKind.ANTHROPIC, " ")));

        assertThat(properties.kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(properties.baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
        assertThat(properties.requiresKey()).isTrue();
        assertThat(properties.maxCompletionTokensModels()).isEmpty();
    }

    @Test
    void aGivenBaseUrlWins() {
        ProviderProperties properties = callable(resolver.resolve("proxy",
                new Endpoint(ProviderKind.OPENAI, "https://llm-gateway.example.com/openai/v1")));

        assertThat(properties.baseUrl()).isEqualTo(URI.create("https://llm-gateway.example.com/openai/v1"));
    }

    @Test
    void anOpenAiCompatibleServerNeedsABaseUrlButNoKey() {
        Resolution missing = resolver.resolve("vllm-box", new Endpoint(ProviderKind.OPENAI_COMPATIBLE, null));
        ProviderProperties properties = callable(resolver.resolve("vllm-box",
                new Endpoint(ProviderKind.OPENAI_COMPATIBLE, "http://gpu.example.com:8000/v1")));

        assertThat(missing.refusal().code()).isEqualTo(ErrorCodes.PROVIDER_NOT_CONFIGURED);
        assertThat(missing.refusal().message()).contains("vllm-box").contains("no base URL");
        assertThat(properties.kind()).isEqualTo(ProviderKind.OPENAI_COMPATIBLE);
        assertThat(properties.requiresKey()).isFalse();
        assertThat(properties.maxCompletionTokensModels()).isEmpty();
    }

    @Test
    void theMockNeedsNoUrlAndIgnoresOne() {
        ProviderProperties properties = callable(resolver.resolve("demo", new Endpoint(ProviderKind.MOCK, "http://ignored/")));

        assertThat(properties.kind()).isEqualTo(ProviderKind.MOCK);
        assertThat(properties.baseUrl()).isNull();
        assertThat(properties.requiresKey()).isFalse();
        assertThat(properties.defaultMaxTokens()).isEqualTo(EndpointResolver.MOCK_MAX_TOKENS);
        assertThat(properties.timeouts()).isEqualTo(TIMEOUTS);
    }

    @Test
    void anUnknownKindIsNotConfigured() {
        Resolution resolution = resolver.resolve("odd", new Endpoint(ProviderKind.UNKNOWN, "https://example.com"));

        assertThat(resolution.refusal().code()).isEqualTo(ErrorCodes.PROVIDER_NOT_CONFIGURED);
        assertThat(resolution.refusal().message()).contains("odd").contains("cannot call");
        assertThat(resolution.properties().retry()).as("a refusal still has settings to run under").isEqualTo(RETRY);
    }

    @Test
    void aUrlThatMayNotBeCalledIsRefusedWithoutEchoingIt() {
        Resolution credentials = resolver.resolve("leaky",
                new Endpoint(ProviderKind.OPENAI_COMPATIBLE, "https://admin:hunter2@llm.example.com/v1"));
        Resolution scheme = resolver.resolve("files", new Endpoint(ProviderKind.OPENAI_COMPATIBLE, "file:///etc/passwd"));
        Resolution malformed = resolver.resolve("broken", new Endpoint(ProviderKind.OPENAI, "http://exa mple.com/v1?k=hunter2"));

        assertThat(credentials.refusal().code()).isEqualTo(ErrorCodes.PROVIDER_ADDRESS_REFUSED);
        assertThat(credentials.refusal().message()).contains("leaky").doesNotContain("hunter2");
        assertThat(scheme.refusal().code()).isEqualTo(ErrorCodes.PROVIDER_ADDRESS_REFUSED);
        assertThat(malformed.refusal().code()).isEqualTo(ErrorCodes.PROVIDER_NOT_CONFIGURED);
        assertThat(malformed.refusal().message()).doesNotContain("hunter2");
    }

    private static ProviderProperties callable(Resolution resolution) {
        assertThat(resolution.refusal()).isNull();
        return resolution.properties();
    }
}
