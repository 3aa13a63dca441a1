package dev.parley.worker.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import okhttp3.HttpUrl;

import dev.parley.platform.outbound.OutboundAddressException;
import dev.parley.platform.outbound.OutboundAddressPolicy;
import dev.parley.worker.config.ProviderKind;
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

    private final CatalogDefaults defaults;

    EndpointResolver(CatalogDefaults defaults) {
        this.defaults = defaults;
    }

    Resolution resolve(String name, Endpoint endpoint) {
        return CatalogKind.of(endpoint.kind())
                .map(kind -> kind == CatalogKind.MOCK ? callable(kind, null) : remote(name, kind, endpoint.baseUrl()))
                .orElseGet(() -> refused(ErrorCodes.PROVIDER_NOT_CONFIGURED, "Provider '" + name + "' has the kind '"
                        + endpoint.kind() + "', which this worker cannot call"));
    }

    private Resolution remote(String name, CatalogKind kind, String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return kind.defaultUrl() == null
                    ? refused(ErrorCodes.PROVIDER_NOT_CONFIGURED, "Provider '" + name + "' has no base URL")
                    : callable(kind, kind.defaultUrl());
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

    private Resolution callable(CatalogKind kind, URI baseUrl) {
        return new Resolution(properties(kind, baseUrl), null);
    }

    private Resolution refused(String code, String message) {
        return new Resolution(properties(CatalogKind.MOCK, null), new ProviderError(code, message));
    }

    private ProviderProperties properties(CatalogKind kind, URI baseUrl) {
        List<String> completionTokenModels = kind == CatalogKind.OPENAI ? defaults.maxCompletionTokensModels()
                : List.of();
        int maxTokens = kind == CatalogKind.MOCK ? MOCK_MAX_TOKENS : defaults.defaultMaxTokens();
        return new ProviderProperties(kind.implementation(), null, baseUrl, null, kind.requiresKey(),
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
