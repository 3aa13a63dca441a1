package dev.parley.ingress.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration
@EnableScheduling
@EnableConfigurationProperties({WebhookProperties.class, WebhookKeyProperties.class})
class WebhookConfig implements SchedulingConfigurer {

    private static final Duration PENDING_COUNT_INTERVAL = Duration.ofSeconds(15);

    private final WebhookProperties properties;
    private final WebhookDispatcher dispatcher;
    private final WebhookMaintenance maintenance;

    WebhookConfig(WebhookProperties properties, WebhookDispatcher dispatcher, WebhookMaintenance maintenance) {
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.maintenance = maintenance;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(dispatcher::dispatch, properties.pollInterval());
        registrar.addFixedDelayTask(maintenance::sweep, properties.sweepInterval());
        registrar.addFixedDelayTask(maintenance::countPending, PENDING_COUNT_INTERVAL);
    }
}
