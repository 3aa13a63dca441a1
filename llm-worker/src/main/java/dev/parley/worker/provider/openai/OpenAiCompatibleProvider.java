package dev.parley.worker.provider.openai;

import java.io.IOException;

import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSources;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.DeltaSink;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;

/**
 * Streams from any OpenAI-compatible {@code /chat/completions} endpoint. The call runs synchronously on the
 * caller's virtual thread: that keeps every stream out of OkHttp's dispatcher, whose per-host limit (5) would
 * otherwise queue the streams of a busy provider, and keeps the whole-call timeout in force while streaming.
 * A cancel cancels the {@link Call}, which ends the blocking read at once.
 */
final class OpenAiCompatibleProvider implements ChatProvider {

    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl endpoint;
    private final String apiKey;
    private final OkHttpClient client;
    private final JsonMapper json;
    private final ProviderFailures failures;

    OpenAiCompatibleProvider(String name, HttpUrl baseUrl, String apiKey, OkHttpClient client, JsonMapper json) {
        this.endpoint = baseUrl.newBuilder().addPathSegments("chat/completions").build();
        this.apiKey = apiKey;
        this.client = client;
        this.json = json;
        this.failures = new ProviderFailures(name, apiKey, json);
    }

    @Override
    public ProviderResult stream(ProviderRequest request, DeltaSink sink, Cancellation cancellation) {
        Call call = client.newCall(httpRequest(request));
        cancellation.onCancel(call::cancel);
        var listener = new CompletionStreamListener(sink, json, failures);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                return cancellation.isCancelled() ? ProviderResult.cancelled(null, false)
                        : ProviderResult.failed(failures.ofStatus(response), null, false);
            }
            EventSources.processResponse(response, listener);
            return listener.result(cancellation.isCancelled());
        } catch (IOException e) {
            return cancellation.isCancelled() ? ProviderResult.cancelled(null, false)
                    : ProviderResult.failed(failures.ofException(e), null, false);
        }
    }

    private Request httpRequest(ProviderRequest request) {
        byte[] body = json.writeValueAsBytes(ChatCompletionBody.of(request));
        return new Request.Builder()
                .url(endpoint)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(body, JSON))
                .build();
    }
}
