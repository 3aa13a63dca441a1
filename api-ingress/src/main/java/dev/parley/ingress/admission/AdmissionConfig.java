package dev.parley.ingress.admission;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.parley.ingress.accounting.AccountingApi;
import dev.parley.platform.tokens.TokenCounter;

@Configuration
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionConfig implements SchedulingConfigurer {

    private static final Duration GIVE_BACK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_GIVE_BACK = Duration.ofSeconds(5);

    private final Reservations reservations;
    private final SparePool spares;

    AdmissionConfig(AccountingApi accounting, AdmissionProperties properties, Clock clock, MeterRegistry meters) {
        this.reservations = new Reservations(accounting, properties.maxConcurrentAnswers(), clock);
        // refills wait on accounting: a virtual thread each, started only when a busy key runs low
        this.spares = new SparePool(properties.sparesPerKey(), properties.spareIdle(), reservations,
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("spare-refill-", 0).factory()), clock);
        Gauge.builder("parley.ingress.admission.spares", spares, SparePool::size)
                .description("Reservations this instance holds ahead of requests").register(meters);
    }

    /** One instance: its encodings are loaded once, on first use. */
    @Bean
    TokenEstimator tokenEstimator() {
        return new TokenEstimator(new TokenCounter());
    }

    /**
     * Closed before the accounting client it depends on: the spares are given back on shutdown, for at most five
     * seconds when accounting is slow (the rest expire with the reservation TTL).
     */
    @Bean(destroyMethod = "")
    SparePool sparePool() {
        return spares;
    }

    @PreDestroy
    void giveSparesBack() {
        spares.close(SHUTDOWN_GIVE_BACK);
    }

    @Bean
    Reservations reservations() {
        return reservations;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(spares::releaseIdle, GIVE_BACK_INTERVAL);
    }
}
