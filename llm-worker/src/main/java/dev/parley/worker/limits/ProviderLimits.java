package dev.parley.worker.limits;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import dev.parley.worker.config.ProviderProperties.Limits;
import dev.parley.worker.config.WorkerProperties;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ConfiguredProvider;

/** The admission limiter of each provider, and gauges of the requests queued for and running at each. */
@Component
public class ProviderLimits {

    private final Map<String, ProviderLimiter> limiters = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    public ProviderLimits(WorkerProperties properties, MeterRegistry meters) {
        this.meters = meters;
        properties.providers().forEach((name, provider) -> {
            if (limited(provider.limits())) {
                limiters.put(name, register(name, provider.limits()));
            }
        });
    }

    /**
     * A catalog provider (no configuration entry) gets its limiter, from the catalog defaults, on its first call;
     * one of the same name as a configured provider shares that provider's limiter.
     *
     * @return the permit, or empty when the queue wait ran out (or the request was cancelled while queued)
     */
    public Optional<Permit> admit(ConfiguredProvider provider, long estimatedTokens, Cancellation cancellation) {
        ProviderLimiter limiter = limiters.get(provider.name());
        if (limiter == null && limited(provider.properties().limits())) {
            limiter = limiters.computeIfAbsent(provider.name(), name -> register(name, provider.properties().limits()));
        }
        return limiter == null ? Optional.of(Permit.NONE) : limiter.admit(estimatedTokens, cancellation);
    }

    private static boolean limited(Limits limits) {
        return limits.maxConcurrent() > 0 || limits.requestsPerMinute() > 0 || limits.tokensPerMinute() > 0;
    }

    private ProviderLimiter register(String provider, Limits limits) {
        var limiter = new ProviderLimiter(limits);
        Gauge.builder("parley.worker.provider.queued", limiter, ProviderLimiter::queued)
                .description("Requests waiting for the provider's concurrency or rate limit")
                .tag("provider", provider).register(meters);
        Gauge.builder("parley.worker.provider.running", limiter, ProviderLimiter::running)
                .description("Admitted calls to the provider running now")
                .tag("provider", provider).register(meters);
        return limiter;
    }
}
