package dev.parley.worker.generation;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.parley.events.TokenUsage;
import dev.parley.worker.cancel.CancelRegistry;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.ProviderRegistry;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.stream.ChatStreamPublisher;
import dev.parley.worker.stream.StreamEmitter;
import dev.parley.worker.stream.StreamEmitters;
import dev.parley.worker.usage.UsagePolicy;
import dev.parley.worker.usage.UsagePublisher;

/**
 * Produces one answer: calls the provider (blocking the caller's virtual thread), streams its text, then
 * ends the stream with exactly one terminal event and records the call's usage. Every request ends this way,
 * also an invalid one or one for an unknown provider, so that no client waits for a stream that never ends.
 */
@Service
public class GenerationService {

    private static final Logger log = LoggerFactory.getLogger(GenerationService.class);
    private static final String UNKNOWN = "unknown";

    private final ProviderRegistry providers;
    private final CancelRegistry cancels;
    private final StreamEmitters streams;
    private final ChatStreamPublisher streamPublisher;
    private final UsagePolicy usagePolicy;
    private final UsagePublisher usagePublisher;
    private final GenerationMetrics metrics;
    private final RequestValidator validator = new RequestValidator();

    GenerationService(ProviderRegistry providers, CancelRegistry cancels, StreamEmitters streams,
            ChatStreamPublisher streamPublisher, UsagePolicy usagePolicy, UsagePublisher usagePublisher,
            GenerationMetrics metrics) {
        this.providers = providers;
        this.cancels = cancels;
        this.streams = streams;
        this.streamPublisher = streamPublisher;
        this.usagePolicy = usagePolicy;
        this.usagePublisher = usagePublisher;
        this.metrics = metrics;
    }

    /** @return completes when the broker acknowledged both the terminal event and the usage record */
    public CompletableFuture<Void> generate(GenerationRequest request) {
        long started = System.nanoTime();
        StreamEmitter stream = streams.open(request.target());
        Optional<ChatProvider> provider = providers.find(request.provider());
        ProviderResult result = provider.map(p -> call(p, request, stream)).orElseGet(() -> unknownProvider(request));
        String text = stream.finish();
        TokenUsage usage = usagePolicy.usageOf(result, request.model(), request.messages(), text);
        metrics.record(provider.isPresent() ? request.provider() : UNKNOWN, provider.isPresent() ? request.model()
                : UNKNOWN, result, usage, stream.timeToFirstText(), Duration.ofNanos(System.nanoTime() - started));
        CompletableFuture<?> terminal = streamPublisher.terminal(request.target(), stream.nextSequence(),
                TerminalEvents.payload(result, text, usage));
        CompletableFuture<?> recorded = usagePublisher.publish(request.usageCall(), TerminalEvents.outcome(result),
                usage);
        return CompletableFuture.allOf(terminal, recorded);
    }

    private ProviderResult call(ChatProvider provider, GenerationRequest request, StreamEmitter stream) {
        Optional<String> problem = validator.problem(request);
        if (problem.isPresent()) {
            return ProviderResult.rejected(ErrorCodes.INVALID_REQUEST, "Invalid request: " + problem.get());
        }
        var cancellation = new Cancellation();
        cancels.register(request.requestId(), request.userId(), cancellation);
        try {
            if (cancellation.isCancelled()) {
                return ProviderResult.cancelled(null, false);
            }
            return provider.stream(request.providerRequest(), stream, cancellation);
        } catch (RuntimeException e) {
            log.error("Provider call of request {} failed unexpectedly", request.requestId(), e);
            return ProviderResult.failed(new ProviderError(ErrorCodes.INTERNAL_ERROR,
                    "The answer failed because of an internal error"), null, true);
        } finally {
            cancels.unregister(request.requestId());
        }
    }

    private static ProviderResult unknownProvider(GenerationRequest request) {
        return ProviderResult.rejected(ErrorCodes.UNKNOWN_PROVIDER,
                "Unknown provider '" + request.provider() + "'");
    }
}
