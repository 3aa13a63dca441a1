package dev.parley.worker.provider.mock;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import dev.parley.events.ProviderKind;
import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.ProviderFactory;

@Component
class MockProviderFactory implements ProviderFactory {

    private final TokenCounter tokens;

    MockProviderFactory(TokenCounter tokens) {
        this.tokens = tokens;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.MOCK;
    }

    @Override
    public ChatProvider create(String name, ProviderProperties properties) {
        return new MockProvider(new MockAnswers(tokens), tokens, properties.tokensPerSecond(),
                properties.defaultMaxTokens(), properties.failureRate(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The mock makes no HTTP calls: nothing to guard. */
    @Override
    public ChatProvider createGuarded(String name, ProviderProperties properties) {
        return create(name, properties);
    }
}
