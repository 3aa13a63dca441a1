package dev.parley.worker.provider.openai;

import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import dev.parley.events.ProviderKind;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.http.HttpProviderFactory;
import dev.parley.worker.provider.http.ProviderHttp;

/** Builds OpenAI-compatible providers (OpenAI, OpenRouter, Hugging Face, Groq, Together, vLLM, Ollama, ...). */
@Component
class OpenAiProviderFactory extends HttpProviderFactory {

    private final JsonMapper json;

    OpenAiProviderFactory(ProviderHttp http, JsonMapper json) {
        super(http);
        this.json = json;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.OPENAI_COMPATIBLE;
    }

    @Override
    protected ChatProvider create(String name, ProviderProperties properties, OkHttpClient client) {
        return new OpenAiCompatibleProvider(name, ProviderHttp.baseUrl(name, properties), properties.apiKey(),
                client, json, properties.maxCompletionTokensModels());
    }
}
