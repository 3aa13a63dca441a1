package dev.parley.worker.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.limits.Permit;
import dev.parley.worker.limits.ProviderLimits;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ConfiguredProvider;
import dev.parley.worker.provider.DeltaSink;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.PromptTokens;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderResult.Outcome;

/**
 * Gets one answer through its routes: the requested provider and model, retried by its {@link RetryPolicy},
 * then each fallback in turn. Retries and fallbacks happen only while no text reached the user; once a delta
 * went out, the call's ending is the answer's ending, and a refused address ends the request at once. Every call
 * waits for its provider's admission first.
 */
@Component
public class CallRunner {

    private final ProviderLookup providers;
    private final RoutePlanner planner;
    private final ProviderCaller caller;
    private final ProviderLimits limits;
    private final TokenCounter tokens;
    private final MeterRegistry meters;

    CallRunner(ProviderLookup providers, RoutePlanner planner, ProviderCaller caller, ProviderLimits limits,
            TokenCounter tokens, MeterRegistry meters) {
        this.providers = providers;
        this.planner = planner;
        this.caller = caller;
        this.limits = limits;
        this.tokens = tokens;
        this.meters = meters;
    }

    /**
     * @param request carries the key the request brought, if any; it is used for the requested provider only
     * @return the calls made, in order; the last one's ending is the answer's
     */
    public List<CallRecord> run(RequestedProvider requested, ProviderRequest request, DeltaSink sink,
            Cancellation cancellation) {
        var textSent = new AtomicBoolean();
        DeltaSink tracking = text -> {
            textSent.set(true);
            sink.accept(text);
        };
        List<CallRecord> calls = new ArrayList<>();
        for (Route route : planner.routes(requested.name(), request.model())) {
            if (requested.ownKey() && !requested.is(route)) {
                // the user's key belongs to their provider, and a fallback elsewhere would run on the server's
                // key for a request that reserved nothing
                continue;
            }
            if (!calls.isEmpty()) {
                meters.counter("parley.worker.fallbacks", "provider", route.provider()).increment();
            }
            ProviderRequest routed = (requested.is(route) ? request : request.withoutKey()).withModel(route.model());
            if (!tryRoute(route, providers.find(route, requested, routed.carriesKey()), routed, tracking, textSent,
                    cancellation, calls)) {
                break;
            }
        }
        return calls;
    }

    /** @return whether the next route should be tried */
    private boolean tryRoute(Route route, Optional<ConfiguredProvider> provider, ProviderRequest request,
            DeltaSink sink, AtomicBoolean textSent, Cancellation cancellation, List<CallRecord> calls) {
        if (provider.isEmpty()) {
            calls.add(new CallRecord(route, ProviderResult.rejected(ErrorCodes.UNKNOWN_PROVIDER,
                    "Unknown provider '" + route.provider() + "'")));
            return true;
        }
        var retry = new RetryPolicy(provider.get().properties().retry(), () -> ThreadLocalRandom.current().nextDouble());
        for (int attempt = 1;; attempt++) {
            ProviderResult result = admittedCall(provider.get(), request, sink, cancellation);
            calls.add(new CallRecord(route, result));
            if (result.outcome() != Outcome.FAILED || textSent.get() || result.error().endsTheRequest()) {
                return false;
            }
            Optional<Duration> wait = retry.delayAfter(attempt, result.error());
            if (wait.isEmpty()) {
                return true;
            }
            meters.counter("parley.worker.retries", "provider", route.provider(), "reason", result.error().code())
                    .increment();
            if (cancellation.await(wait.get())) {
                calls.add(new CallRecord(route, ProviderResult.cancelled(null, false)));
                return false;
            }
        }
    }

    private ProviderResult admittedCall(ConfiguredProvider provider, ProviderRequest request, DeltaSink sink,
            Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return ProviderResult.cancelled(null, false);
        }
        Optional<Permit> permit = limits.admit(provider, estimatedTokens(provider, request), cancellation);
        if (permit.isEmpty()) {
            return cancellation.isCancelled() ? ProviderResult.cancelled(null, false)
                    : ProviderResult.failed(new ProviderError(ErrorCodes.PROVIDER_BUSY, "Provider '" + provider.name()
                            + "' is at its concurrency or rate limit; the request waited "
                            + provider.properties().limits().maxQueueWait().toSeconds() + " s"), null, false);
        }
        try (Permit admitted = permit.get()) {
            return caller.call(provider, request, sink, cancellation);
        }
    }

    /** Counted only for a provider with a tokens-per-minute limit: the tokenizer is not free. */
    private long estimatedTokens(ConfiguredProvider provider, ProviderRequest request) {
        if (provider.properties().limits().tokensPerMinute() == 0) {
            return 0;
        }
        int answer = request.maxTokens() != null ? request.maxTokens() : provider.properties().defaultMaxTokens();
        return PromptTokens.count(tokens, request.model(), request.messages()) + (long) answer;
    }
}
