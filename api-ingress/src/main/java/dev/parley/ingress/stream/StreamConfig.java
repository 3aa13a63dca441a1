package dev.parley.ingress.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration
@EnableScheduling
@EnableConfigurationProperties({StreamProperties.class, StreamLimits.class})
class StreamConfig implements SchedulingConfigurer {

    private static final Duration EVICTION_INTERVAL = Duration.ofSeconds(30);

    private final StreamProperties properties;
    private final StreamHub hub;
    private final FanoutCatchUp catchUp;

    StreamConfig(StreamProperties properties, Clock clock, MeterRegistry registry) {
        this.properties = properties;
        this.hub = new StreamHub(properties.limits(), clock);
        this.catchUp = new FanoutCatchUp(clock);
        Gauge.builder("parley.ingress.stream.requests", hub, StreamHub::size)
                .description("Requests whose stream events this instance holds")
                .register(registry);
        Gauge.builder("parley.ingress.stream.catchup.remaining", catchUp, FanoutCatchUp::remaining)
                .description("chat.stream records this instance still reads to catch up after its fan-out "
                        + "consumer was assigned partitions (0 when caught up)")
                .register(registry);
    }

    @Bean
    StreamHub streamHub() {
        return hub;
    }

    @Bean
    FanoutCatchUp fanoutCatchUp() {
        return catchUp;
    }

    /** Named by the fan-out listener: measures its catch-up on every assignment. */
    @Bean
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> fanoutCatchUpContainer() {
        var listener = catchUp.rebalanceListener();
        return container -> container.getContainerProperties().setConsumerRebalanceListener(listener);
    }

    /** Not an Executor bean on purpose: that would replace Spring Boot's application task executor. */
    @Bean(destroyMethod = "shutdownNow")
    StreamWriters streamWriters() {
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("sse-writer-", 0).factory());
        return new StreamWriters(executor, properties.maxQueuedPerClient());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(hub::heartbeat, properties.heartbeatInterval());
        registrar.addFixedDelayTask(hub::evictExpired, EVICTION_INTERVAL);
    }
}
