package dev.parley.worker.provider.openai;

import java.util.List;

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

/** Streams from any OpenAI-compatible {@code /chat/completions} endpoint. */
final class OpenAiCompatibleProvider implements ChatProvider {

    private static final MediaType JSON = MediaType.get("application/json");

    private final String name;
    private final HttpUrl endpoint;
    private final String apiKey;
    private final OkHttpClient client;
    private final JsonMapper json;
    private final ProviderFailures failures;
    private final List<String> maxCompletionTokensModels;

    OpenAiCompatibleProvider(String name, HttpUrl baseUrl, String apiKey, OkHttpClient client, JsonMapper json,
            List<String> maxCompletionTokensModels) {
        this.name = name;
        this.endpoint = baseUrl.newBuilder().addPathSegments("chat/completions").build();
        this.apiKey = apiKey;
        this.client = client;
        this.json = json;
        this.failures = new ProviderFailures(name, apiKey, json);
        this.maxCompletionTokensModels = List.copyOf(maxCompletionTokensModels);
    }

    @Override
    public ProviderResult stream(ProviderRequest request, DeltaSink sink, Cancellation cancellation) {
        // a key the request brought is redacted from the failures of its call like the configured one from the others
        ProviderFailures callFailures = request.carriesKey() ? new ProviderFailures(name, request.apiKey(), json)
                : failures;
        return SseExchange.run(client, httpRequest(request), new CompletionStreamListener(sink, json, callFailures),
                cancellation, callFailures);
    }

    private Request httpRequest(ProviderRequest request) {
        boolean completionTokens = maxCompletionTokensModels.stream().anyMatch(request.model()::startsWith);
        byte[] body = json.writeValueAsBytes(ChatCompletionBody.of(request, completionTokens));
        var builder = new Request.Builder()
                .url(endpoint)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(body, JSON));
        // local servers (Ollama, LM Studio, vLLM) run without a key
        String key = request.keyOr(apiKey);
        if (key != null && !key.isBlank()) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder.build();
    }
}
