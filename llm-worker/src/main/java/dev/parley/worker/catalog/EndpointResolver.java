package dev.parley.worker.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import okhttp3.HttpUrl;

import dev.parley.events.ProviderKind;
import dev.parley.events.ProviderKinds;
import dev.parley.platform.outbound.OutboundAddressException;
import dev.parley.platform.outbound.OutboundAddressPolicy;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;

/**
 * Turns a request's {@link Endpoint} into the settings of a provider: the kind's implementation, its base URL
 * (OpenAI's and Anthropic's own when none is given) and the catalog defaults. Checks what needs no DNS (scheme,
 * host, no credentials in the URL); the addresses are checked when the call connects.
 */
final class EndpointResolver {

    static final int MOCK_MAX_TOKENS = 60;
    static final int MOCK_TOKENS_PER_SECOND = 40;
    private static final URI OPENAI_URL = URI.create(ProviderKinds.officialBaseUrl(ProviderKind.OPENAI));
    private static final URI ANTHROPIC_URL = URI.create(ProviderKinds.officialBaseUrl(ProviderKind.ANTHROPIC));

    private final CatalogDefaults defaults;

    EndpointResolver(CatalogDefaults defaults) {
        this.defaults = defaults;
    }

    Resolution resolve(String name, Endpoint endpoint) {
        return switch (endpoint.kind()) {
            case MOCK -> callable(ProviderKind.MOCK, null);
            case OPENAI, ANTHROPIC, OPENAI_COMPATIBLE -> remote(name, endpoint.kind(), endpoint.baseUrl());
            // a kind added after this worker was built: calling it with another kind's client would be a guess
            case UNKNOWN -> refused(ErrorCodes.PROVIDER_NOT_CONFIGURED, "Provider '" + name
                    + "' has a kind this worker cannot call");
        };
    }

    /** Where the kind's own API is; null when a base URL is required. */
    static URI defaultUrl(ProviderKind kind) {
        return switch (kind) {
            case OPENAI -> OPENAI_URL;
            case ANTHROPIC -> ANTHROPIC_URL;
            default -> null;
        };
    }

    private Resolution remote(String name, ProviderKind kind, String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return defaultUrl(kind) == null
                    ? refused(ErrorCodes.PROVIDER_NOT_CONFIGURED, "Provider '" + name + "' has no base URL")
                    : callable(kind, defaultUrl(kind));
        }
        URI url;
        try {
            url = new URI(baseUrl.strip());
            OutboundAddressPolicy.host(url);
        } catch (URISyntaxException e) {
            // the text is not echoed: a malformed URL may still hold a secret
            return refused(ErrorCodes.PROVIDER_NOT_CONFIGURED, "Provider '" + name + "' has an invalid base URL");
        } catch (OutboundAddressException e) {
            return refused(ErrorCodes.PROVIDER_ADDRESS_REFUSED, "Provider '" + name + "' was not called: "
                    + e.getMessage());
        }
        if (HttpUrl.parse(url.toString()) == null) {
            return refused(ErrorCodes.PROVIDER_NOT_CONFIGURED, "Provider '" + name + "' has an invalid base URL");
        }
        return callable(kind, url);
    }

    private Resolution callable(ProviderKind kind, URI baseUrl) {
        return new Resolution(properties(kind, baseUrl), null);
    }

    private Resolution refused(String code, String message) {
        return new Resolution(properties(ProviderKind.MOCK, null), new ProviderError(code, message));
    }

    private ProviderProperties properties(ProviderKind kind, URI baseUrl) {
        List<String> completionTokenModels = kind == ProviderKind.OPENAI ? defaults.maxCompletionTokensModels()
                : List.of();
        int maxTokens = kind == ProviderKind.MOCK ? MOCK_MAX_TOKENS : defaults.defaultMaxTokens();
        return new ProviderProperties(kind, null, baseUrl, null, ProviderKinds.needsKey(kind),
                defaults.timeouts(), defaults.retry(), defaults.limits(), completionTokenModels,
                MOCK_TOKENS_PER_SECOND, maxTokens, 0);
    }

    /**
     * @param properties the provider's settings; for a refused endpoint only its timeouts, retry and limits count
     * @param refusal why the endpoint cannot be called; null when it can
     */
    record Resolution(ProviderProperties properties, ProviderError refusal) {
    }
}
