package dev.parley.worker.usage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.platform.tokens.TokenCounter;

/** The usage policy, a plain class, as a bean. */
@Configuration(proxyBeanMethods = false)
class UsageConfiguration {

    @Bean
    UsagePolicy usagePolicy(TokenCounter tokenCounter) {
        return new UsagePolicy(tokenCounter);
    }
}
