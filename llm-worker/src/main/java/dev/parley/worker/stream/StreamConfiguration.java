package dev.parley.worker.stream;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.parley.worker.config.WorkerProperties;

/** The coalescing of deltas into stream events, as beans. */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

    @Bean
    CoalescingPolicy coalescingPolicy(WorkerProperties properties) {
        WorkerProperties.Stream stream = properties.stream();
        return new CoalescingPolicy(stream.flushInterval(), stream.flushChars(), stream.maxFlushInterval(),
                stream.deltaEventsPerSecond());
    }

    /** Sends deltas that waited their flush interval while the provider was silent. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService deltaFlushTimer() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("delta-flush").daemon().factory());
    }
}
