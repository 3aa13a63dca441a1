package dev.parley.worker.generation;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import dev.parley.events.TokenUsage;
import dev.parley.worker.provider.ProviderResult;

/** Requests by provider, model and outcome; time to first token; stream duration; tokens. */
@Component
class GenerationMetrics {

    private static final Logger log = LoggerFactory.getLogger(GenerationMetrics.class);

    private final MeterRegistry registry;

    GenerationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String provider, String model, ProviderResult result, TokenUsage usage,
            Optional<Duration> timeToFirstToken, Duration elapsed) {
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        // one line per provider call (never per token), in the MDC of the request it served
        log.info("Provider call {}: {} {}, {} tokens in, {} out, first token after {} ms, {} ms in all", outcome,
                provider, model, usage.getInputTokens(), usage.getOutputTokens(),
                timeToFirstToken.map(Duration::toMillis).orElse(-1L), elapsed.toMillis());
        registry.counter("parley.worker.requests", "provider", provider, "model", model, "outcome", outcome,
                "reason", reason(result)).increment();
        timeToFirstToken.ifPresent(ttft -> Timer.builder("parley.worker.time.to.first.token")
                .description("From the start of the provider call to its first text")
                .publishPercentileHistogram()
                .tags("provider", provider, "model", model)
                .register(registry)
                .record(ttft));
        Timer.builder("parley.worker.stream.duration")
                .tags("provider", provider, "model", model, "outcome", outcome)
                .register(registry)
                .record(elapsed);
        registry.counter("parley.worker.tokens", "provider", provider, "model", model, "kind", "input",
                "source", usage.getSource().name()).increment(usage.getInputTokens());
        registry.counter("parley.worker.tokens", "provider", provider, "model", model, "kind", "output",
                "source", usage.getSource().name()).increment(usage.getOutputTokens());
    }

    private static String reason(ProviderResult result) {
        return result.error() != null ? result.error().code() : result.finishReason().name().toLowerCase(Locale.ROOT);
    }
}
