package dev.parley.worker.provider.openai;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.parley.worker.config.ProviderKind;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.ProviderFactory;

/** Builds OpenAI-compatible providers; they share one connection pool. */
@Component
class OpenAiProviderFactory implements ProviderFactory, DisposableBean {

    private final OkHttpClient sharedClient = new OkHttpClient();
    private final JsonMapper json;

    OpenAiProviderFactory(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.OPENAI_COMPATIBLE;
    }

    @Override
    public ChatProvider create(String name, ProviderProperties properties) {
        if (properties.baseUrl() == null) {
            throw new IllegalStateException("parley.worker.providers." + name + ".base-url is required");
        }
        OkHttpClient client = sharedClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .callTimeout(properties.totalTimeout())
                .build();
        return new OpenAiCompatibleProvider(name, baseUrl(properties), properties.apiKey(), client, json);
    }

    @Override
    public void destroy() {
        sharedClient.dispatcher().executorService().shutdown();
        sharedClient.connectionPool().evictAll();
    }

    /** Tolerates a trailing slash, so that {@code chat/completions} is appended as one path. */
    private static HttpUrl baseUrl(ProviderProperties properties) {
        String url = properties.baseUrl().toString();
        return HttpUrl.get(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
}
