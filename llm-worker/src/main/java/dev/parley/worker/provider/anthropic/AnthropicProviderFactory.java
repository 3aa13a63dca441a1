package dev.parley.worker.provider.anthropic;

import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.parley.events.ProviderKind;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.http.HttpProviderFactory;
import dev.parley.worker.provider.http.ProviderHttp;

@Component
class AnthropicProviderFactory extends HttpProviderFactory {

    private final JsonMapper json;

    AnthropicProviderFactory(ProviderHttp http, JsonMapper json) {
        super(http);
        this.json = json;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.ANTHROPIC;
    }

    @Override
    protected ChatProvider create(String name, ProviderProperties properties, OkHttpClient client) {
        return new AnthropicProvider(name, ProviderHttp.baseUrl(name, properties), properties.apiKey(),
                properties.defaultMaxTokens(), client, json);
    }
}
