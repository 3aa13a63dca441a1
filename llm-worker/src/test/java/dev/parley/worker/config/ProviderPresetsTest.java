package dev.parley.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import dev.parley.events.ProviderKind;

/** The provider presets of application.yml: which environment variables switch which provider on. */
class ProviderPresetsTest {

    @Test
    void withoutAnyVariableOnlyTheMockIsOn() throws IOException {
        Map<String, ProviderProperties> providers = providers(Map.of());

        assertThat(providers).containsKeys("mock", "openai", "anthropic", "openrouter", "huggingface", "groq",
                "together", "vllm", "ollama", "lmstudio", "custom");
        assertThat(providers.entrySet()).filteredOn(entry -> entry.getValue().usable())
                .extracting(Map.Entry::getKey).containsExactly("mock");
    }

    @Test
    void aKeyedProviderIsOnWithItsKey() throws IOException {
        Map<String, ProviderProperties> providers = providers(Map.of("ANTHROPIC_API_KEY", "sk-ant-x",
                "HF_TOKEN", "hf_x", "GROQ_API_KEY", "gsk_x", "TOGETHER_API_KEY", "t-x", "OPENAI_API_KEY", "sk-x",
                "OPENROUTER_API_KEY", "sk-or-x"));

        assertThat(providers.get("anthropic").usable()).isTrue();
        assertThat(providers.get("anthropic").kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(providers.get("anthropic").baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
        assertThat(providers.get("anthropic").defaultMaxTokens()).isEqualTo(4096);
        assertThat(providers.get("huggingface").baseUrl()).isEqualTo(URI.create("https://router.huggingface.co/v1"));
        assertThat(providers.get("groq").baseUrl()).isEqualTo(URI.create("https://api.groq.com/openai/v1"));
        assertThat(providers.get("together").baseUrl()).isEqualTo(URI.create("https://api.together.xyz/v1"));
        assertThat(providers.entrySet()).filteredOn(entry -> entry.getValue().usable())
                .extracting(Map.Entry::getKey).containsExactlyInAnyOrder("mock", "openai", "anthropic", "openrouter",
                        "huggingface", "groq", "together");
        assertThat(providers.get("openai").maxCompletionTokensModels()).contains("o3", "gpt-5");
    }

    @Test
    void aKeylessServerIsOnWithItsBaseUrlOrWhenSwitchedOn() throws IOException {
        Map<String, ProviderProperties> providers = providers(Map.of("VLLM_BASE_URL", "http://gpu-box:8000/v1",
                "CUSTOM_OPENAI_BASE_URL", "http://llm.internal/v1", "PARLEY_OLLAMA_ENABLED", "true"));

        assertThat(providers.get("vllm").usable()).isTrue();
        assertThat(providers.get("vllm").hasApiKey()).isFalse();
        assertThat(providers.get("custom").usable()).isTrue();
        assertThat(providers.get("ollama").usable()).isTrue();
        assertThat(providers.get("ollama").baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
        assertThat(providers.get("lmstudio").usable()).isFalse();
    }

    @Test
    void anExplicitSwitchOverridesAKey() throws IOException {
        Map<String, ProviderProperties> providers = providers(Map.of("OPENAI_API_KEY", "sk-x",
                "PARLEY_OPENAI_ENABLED", "false", "PARLEY_GROQ_ENABLED", "true"));

        assertThat(providers.get("openai").usable()).isFalse();
        assertThat(providers.get("groq").usable()).as("switched on, but still without a key").isFalse();
    }

    @Test
    void providerSettingsHaveTheDocumentedDefaults() throws IOException {
        ProviderProperties openai = providers(Map.of()).get("openai");

        assertThat(openai.timeouts()).isEqualTo(ProviderProperties.Timeouts.DEFAULT);
        assertThat(openai.retry()).isEqualTo(ProviderProperties.Retry.DEFAULT);
        assertThat(openai.limits()).isEqualTo(ProviderProperties.Limits.UNLIMITED);
        assertThat(openai.timeouts().firstToken()).isEqualTo(Duration.ofSeconds(60));
    }

    private static Map<String, ProviderProperties> providers(Map<String, Object> variables) throws IOException {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bind("parley.worker", WorkerProperties.class).get().providers();
    }
}
