package dev.parley.worker.generation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Service;

import dev.parley.events.ProviderKind;
import dev.parley.events.TokenUsage;
import dev.parley.events.UsageRecorded;
import dev.parley.worker.call.CallRecord;
import dev.parley.worker.call.CallRunner;
import dev.parley.worker.cancel.CancelRegistry;
import dev.parley.worker.config.WorkerProperties;
import dev.parley.worker.credential.TransportCredentials;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.ProviderRegistry;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.stream.ChatStreamPublisher;
import dev.parley.worker.stream.StreamEmitter;
import dev.parley.worker.stream.StreamEmitters;
import dev.parley.worker.stream.StreamTarget;
import dev.parley.worker.usage.UsagePolicy;
import dev.parley.worker.usage.UsagePublisher;

/**
 * Produces one answer: gets it from the providers (blocking the caller's virtual thread), streams its text,
 * then hands back the terminal event and the usage record of every provider call to publish. Every
 * request ends this way, also an invalid one or one for an unknown provider, so that no client waits for a
 * stream that never ends.
 */
@Service
public class GenerationService {

    private static final String UNKNOWN = "unknown";

    private final CallRunner calls;
    private final CancelRegistry cancels;
    private final StreamEmitters streams;
    private final ChatStreamPublisher streamPublisher;
    private final UsagePolicy usagePolicy;
    private final UsagePublisher usagePublisher;
    private final GenerationMetrics metrics;
    private final TransportCredentials credentials;
    private final ProviderRegistry configured;
    private final RequestValidator validator = new RequestValidator();
    private final Duration longestRun;
    private final Clock clock;

    GenerationService(CallRunner calls, CancelRegistry cancels, StreamEmitters streams,
            ChatStreamPublisher streamPublisher, UsagePolicy usagePolicy, UsagePublisher usagePublisher,
            GenerationMetrics metrics, TransportCredentials credentials, WorkerProperties properties, Clock clock,
            ProviderRegistry configured) {
        this.longestRun = properties.longestRun();
        this.clock = clock;
        this.calls = calls;
        this.cancels = cancels;
        this.streams = streams;
        this.streamPublisher = streamPublisher;
        this.usagePolicy = usagePolicy;
        this.usagePublisher = usagePublisher;
        this.metrics = metrics;
        this.credentials = credentials;
        this.configured = configured;
    }

    /**
     * Calls the providers and streams the answer's text.
     *
     * @return what is left to publish, the usage records and the terminal event, built once so that publishing it
     *         again sends the very same records
     */
    public Publication generate(GenerationRequest requested) {
        long started = System.nanoTime();
        GenerationRequest request = operatorsEndpoint(requested) ? requested.withoutOwnKey() : requested;
        // a run redone after a crash is a new attempt: readers drop what the dead run streamed
        StreamTarget target = request.target(UUID.randomUUID().toString());
        StreamEmitter stream = streams.open(target);
        List<CallRecord> made;
        try {
            made = callProviders(request, stream);
        } catch (RuntimeException | Error failed) {
            stream.abandon();
            throw failed;
        }
        String text = stream.finish();
        List<TokenUsage> usages = new ArrayList<>();
        List<UsageRecorded> records = usageRecords(request, made, text, usages);
        TokenUsage usage = UsagePolicy.total(usages);
        CallRecord last = made.getLast();
        boolean known = last.result().error() == null
                || !ErrorCodes.UNKNOWN_PROVIDER.equals(last.result().error().code());
        metrics.record(known ? last.route().provider() : UNKNOWN, known ? last.route().model() : UNKNOWN,
                last.result(), usage, stream.timeToFirstText(), Duration.ofNanos(System.nanoTime() - started));
        long sequence = stream.nextSequence();
        Object terminal = TerminalEvents.payload(last.result(), text, usage);
        return () -> {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(usagePublisher.send(record)));
            sent.add(streamPublisher.terminal(target, sequence, terminal));
            return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
        };
    }

    /** The usage records and terminal event of an answer. */
    @FunctionalInterface
    public interface Publication {

        /** @return completes when the broker acknowledged the terminal event and every usage record */
        CompletableFuture<Void> send();
    }

    /**
     * A configured provider that needs no key is a server the operator runs (vLLM, Ollama, LM Studio): a user's "own
     * key" for it pays for nothing, so the call runs as the operator's and is debited (api-ingress sends no own key
     * for such providers in the first place).
     */
    private boolean operatorsEndpoint(GenerationRequest request) {
        return request.ownKey() && request.endpoint() == null && configured.find(request.provider())
                .map(provider -> provider.properties().kind() == ProviderKind.MOCK
                        || !provider.properties().requiresKey()).orElse(false);
    }

    private List<CallRecord> callProviders(GenerationRequest request, StreamEmitter stream) {
        Optional<String> problem = validator.problem(request);
        if (problem.isPresent()) {
            return List.of(new CallRecord(request.route(),
                    ProviderResult.rejected(ErrorCodes.INVALID_REQUEST, "Invalid request: " + problem.get())));
        }
        if (request.reservationLapsesBefore(clock.instant(), longestRun)) {
            // nothing called, nothing charged: the usage record settles what is left of the reservation
            return List.of(new CallRecord(request.route(), ProviderResult.rejected(ErrorCodes.RESERVATION_EXPIRED,
                    "The request waited too long for a worker to be answered within its reservation; send it again")));
        }
        if (!request.bringsKey()) {
            return call(request, null, stream);
        }
        Optional<String> apiKey = request.credential() == null ? Optional.empty() : credentials.open(
                request.requestId(), request.userId(), request.provider(), request.credential());
        if (apiKey.isEmpty()) {
            // no provider call: neither the server's configured key nor another provider may stand in for it
            return List.of(new CallRecord(request.route(), ProviderResult.rejected(ErrorCodes.CREDENTIAL_INVALID,
                    request.ownKey() ? "The request's own provider key could not be opened; store the key again"
                            : "The provider key the request carries could not be opened")));
        }
        return call(request, apiKey.get(), stream);
    }

    private List<CallRecord> call(GenerationRequest request, String apiKey, StreamEmitter stream) {
        var cancellation = new Cancellation();
        cancels.register(request.requestId(), request.userId(), cancellation);
        try {
            return calls.run(request.requestedProvider(), request.providerRequest(apiKey), stream, cancellation);
        } finally {
            cancels.unregister(request.requestId());
        }
    }

    /**
     * One usage record per call that may have cost tokens, and always one for the last call, so that every
     * request settles its reservation. Only the last call can have produced text: retries and fallbacks happen
     * before the first delta. The records are numbered in order (their event ids): calls refused at no cost are not
     * counted, so a run that needed a retry and one that did not number their billed calls alike.
     */
    private List<UsageRecorded> usageRecords(GenerationRequest request, List<CallRecord> made, String text,
            List<TokenUsage> usages) {
        List<UsageRecorded> records = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            CallRecord call = made.get(i);
            boolean last = i == made.size() - 1;
            if (last || call.consumedTokens()) {
                TokenUsage usage = usagePolicy.usageOf(call.result(), call.route().model(), request.messages(),
                        last ? text : "");
                usages.add(usage);
                records.add(usagePublisher.record(request.usageCall(call.route()), records.size(),
                        TerminalEvents.outcome(call.result()), usage));
            }
        }
        return records;
    }
}
