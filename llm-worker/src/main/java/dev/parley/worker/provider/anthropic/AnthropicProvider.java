package dev.parley.worker.provider.anthropic;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.DeltaSink;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.http.ProviderFailures;
import dev.parley.worker.provider.http.SseExchange;

/** Streams from Anthropic's Messages API ({@code POST /v1/messages}). */
final class AnthropicProvider implements ChatProvider {

    static final String API_VERSION = "2023-06-01";
    private static final MediaType JSON = MediaType.get("application/json");

    private final String name;
    private final HttpUrl endpoint;
    private final String apiKey;
    private final int defaultMaxTokens;
    private final OkHttpClient client;
    private final JsonMapper json;
    private final ProviderFailures failures;

    AnthropicProvider(String name, HttpUrl baseUrl, String apiKey, int defaultMaxTokens, OkHttpClient client,
            JsonMapper json) {
        this.name = name;
        this.endpoint = baseUrl.newBuilder().addPathSegments("v1/messages").build();
        this.apiKey = apiKey;
        this.defaultMaxTokens = defaultMaxTokens;
        this.client = client;
        this.json = json;
        this.failures = new ProviderFailures(name, apiKey, json);
    }

    @Override
    public ProviderResult stream(ProviderRequest request, DeltaSink sink, Cancellation cancellation) {
        // a key the request brought is redacted from the failures of its call like the configured one from the others
        ProviderFailures callFailures = request.carriesKey() ? new ProviderFailures(name, request.apiKey(), json)
                : failures;
        return SseExchange.run(client, httpRequest(request), new MessagesStreamListener(sink, json, callFailures),
                cancellation, callFailures);
    }

    private Request httpRequest(ProviderRequest request) {
        byte[] body = json.writeValueAsBytes(MessagesBody.of(request, defaultMaxTokens));
        var builder = new Request.Builder()
                .url(endpoint)
                .header("anthropic-version", API_VERSION)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(body, JSON));
        // a catalog provider may come without a key (an Anthropic-compatible server of one's own)
        String key = request.keyOr(apiKey);
        if (key != null && !key.isBlank()) {
            builder.header("x-api-key", key);
        }
        return builder.build();
    }
}
