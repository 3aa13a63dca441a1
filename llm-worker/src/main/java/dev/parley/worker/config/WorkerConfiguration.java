package dev.parley.worker.config;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.worker.stream.CoalescingPolicy;
import dev.parley.worker.tokens.TokenCounter;
import dev.parley.worker.usage.UsagePolicy;

/** The plain (Spring-free) policy classes as beans. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

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
