package dev.parley.worker.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.worker.stream.CoalescingPolicy;
import dev.parley.worker.tokens.TokenCounter;
import dev.parley.worker.usage.UsagePolicy;

/** The plain (Spring-free) policy classes as beans. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    TokenCounter tokenCounter() {
        return new TokenCounter();
    }

    @Bean
    UsagePolicy usagePolicy(TokenCounter tokenCounter) {
        return new UsagePolicy(tokenCounter);
    }

    @Bean
    CoalescingPolicy coalescingPolicy(WorkerProperties properties) {
        return new CoalescingPolicy(properties.stream().flushInterval(), properties.stream().flushChars());
    }

    /** Sends deltas that waited their flush interval while the provider was silent. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService deltaFlushTimer() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("delta-flush").daemon().factory());
    }
}
