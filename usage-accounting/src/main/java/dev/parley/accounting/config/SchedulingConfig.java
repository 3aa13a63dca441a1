package dev.parley.accounting.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the periodic jobs (reservation expiry, grants, refills). Tests switch them off with
 * {@code parley.accounting.jobs.enabled=false} and run each job with the instant they choose.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parley.accounting.jobs.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class SchedulingConfig {
}
