package dev.parley.worker.provider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.platform.tokens.TokenCounter;

/** One token counter for the worker: its tokenizers are loaded once, on first use. */
@Configuration(proxyBeanMethods = false)
class TokenCounterConfiguration {

    @Bean
    TokenCounter tokenCounter() {
        return new TokenCounter();
    }
}
