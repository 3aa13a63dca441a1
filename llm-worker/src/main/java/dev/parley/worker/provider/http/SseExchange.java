package dev.parley.worker.provider.http;

import java.io.IOException;

import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSources;

import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ProviderResult;

/**
 * One streamed HTTP call, run synchronously on the caller's virtual thread: that keeps every stream out of
 * OkHttp's dispatcher, whose per-host limit (5) would otherwise queue the streams of a busy provider. A cancel
 * cancels the {@link Call}, which ends the blocking read at once.
 */
public final class SseExchange {

    private SseExchange() {
    }

    public static ProviderResult run(OkHttpClient client, Request request, StreamReader reader,
            Cancellation cancellation, ProviderFailures failures) {
        Call call = client.newCall(request);
        cancellation.onCancel(call::cancel);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                return cancellation.isCancelled() ? ProviderResult.cancelled(null, false)
                        : ProviderResult.failed(failures.ofStatus(response), null, false);
            }
            EventSources.processResponse(response, reader);
            return reader.result(cancellation.isCancelled());
        } catch (IOException e) {
            return cancellation.isCancelled() ? ProviderResult.cancelled(null, false)
                    : ProviderResult.failed(failures.ofConnectFailure(e), null, false);
        }
    }
}
