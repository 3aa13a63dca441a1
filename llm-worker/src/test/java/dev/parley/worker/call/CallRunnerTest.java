package dev.parley.worker.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.events.FinishReason;
import dev.parley.events.ProviderKind;
import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.catalog.CatalogDefaults;
import dev.parley.worker.catalog.CatalogProviders;
import dev.parley.worker.catalog.Endpoint;
import dev.parley.worker.config.ProviderProperties;
import dev.parley.worker.config.ProviderProperties.Limits;
import dev.parley.worker.config.ProviderProperties.Retry;
import dev.parley.worker.config.ProviderProperties.Timeouts;
import dev.parley.worker.config.WorkerProperties;
import dev.parley.worker.limits.ProviderLimits;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ChatProvider;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptMessage.Role;
import dev.parley.worker.provider.ProviderError;
import dev.parley.worker.provider.ProviderFactory;
import dev.parley.worker.provider.ProviderRegistry;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderResult.Outcome;
import dev.parley.worker.provider.ProviderUsage;

/** Retries, fallbacks, timeouts and admission around scripted providers. */
class CallRunnerTest {

    static final ProviderRequest REQUEST = new ProviderRequest("model-a", List.of(new PromptMessage(Role.USER, "Hi")),
            null, null, 20, List.of());
    static final Retry FAST_RETRY = new Retry(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1));
    static final Step OVERLOADED = ends(ProviderResult.failed(
            new ProviderError(ErrorCodes.PROVIDER_UNAVAILABLE, "HTTP 529", true, null), null, false));
    static final Step OK = ends(ProviderResult.completed(FinishReason.STOP, ProviderUsage.of(3, 2)));

    /** Scripted providers built for an endpoint (guarded) are found under this prefix. */
    static final String GUARDED = "guarded:";

    final Map<String, ScriptedProvider> scripted = new HashMap<>();
    final Map<String, ProviderProperties> configs = new HashMap<>();
    final Map<String, WorkerProperties.Model> models = new HashMap<>();
    final List<String> deltas = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ProviderCaller caller;

    @AfterEach
    void stopWatchdog() {
        if (caller != null) {
            caller.destroy();
        }
    }

    @Test
    void retriesARetryableFailureBeforeTheFirstDelta() {
        provider("a", FAST_RETRY, OVERLOADED, OVERLOADED, text("Hello", OK));

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, new Cancellation());

        assertThat(calls).extracting(call -> call.result().outcome())
                .containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.COMPLETED);
        assertThat(deltas).containsExactly("Hello");
        assertThat(meters.counter("parley.worker.retries", "provider", "a", "reason", "provider_unavailable").count())
                .isEqualTo(2);
    }

    @Test
    void neverRetriesOnceTextWentOut() {
        provider("a", FAST_RETRY, text("Half", OVERLOADED), OK);

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, new Cancellation());

        assertThat(calls).singleElement().satisfies(call -> assertThat(call.result().outcome()).isEqualTo(Outcome.FAILED));
        assertThat(scripted.get("a").calls).hasValue(1);
    }

    @Test
    void givesUpAfterMaxAttemptsThenFallsBackInOrder() {
        provider("a", FAST_RETRY, OVERLOADED, OVERLOADED, OVERLOADED);
        provider("b", FAST_RETRY, ends(ProviderResult.rejected(ErrorCodes.PROVIDER_REJECTED, "HTTP 400")));
        provider("c", FAST_RETRY, text("From c", OK));
        models.put("model-a", new WorkerProperties.Model(List.of("b:model-b", "c:model-c:latest")));

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, new Cancellation());

        assertThat(calls).extracting(CallRecord::route).containsExactly(new Route("a", "model-a"),
                new Route("a", "model-a"), new Route("a", "model-a"), new Route("b", "model-b"),
                new Route("c", "model-c:latest"));
        assertThat(scripted.get("c").models).containsExactly("model-c:latest");
        assertThat(calls.getLast().result().outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void aRequestOnTheUsersOwnKeyNeverFallsBackToAnotherProvider() {
        provider("a", FAST_RETRY, OVERLOADED, OVERLOADED, OVERLOADED, text("From a", OK));
        provider("b", FAST_RETRY, text("From b", OK));
        models.put("model-a", new WorkerProperties.Model(List.of("b:model-b", "a:model-a2")));
        var ownKey = new ProviderRequest("model-a", REQUEST.messages(), null, null, 20, List.of(), "sk-user-key");

        List<CallRecord> calls = runner().run(new RequestedProvider("a", null, true), ownKey, deltas::add,
                new Cancellation());

        assertThat(calls).extracting(CallRecord::route).doesNotContain(new Route("b", "model-b"))
                .endsWith(new Route("a", "model-a2"));
        assertThat(scripted.get("b").models).isEmpty();
        assertThat(calls.getLast().result().outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void aFallbackToAnUnknownProviderIsSkipped() {
        provider("a", FAST_RETRY, ends(ProviderResult.rejected(ErrorCodes.PROVIDER_REJECTED, "HTTP 404")));
        provider("c", FAST_RETRY, OK);
        models.put("model-a", new WorkerProperties.Model(List.of("nope:x", "c:model-c")));

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, new Cancellation());

        assertThat(calls.get(1).result().error().code()).isEqualTo(ErrorCodes.UNKNOWN_PROVIDER);
        assertThat(calls.getLast().result().outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void aCancelDuringTheBackoffEndsTheAnswerAsCancelled() {
        provider("a", new Retry(3, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(30)), OVERLOADED,
                OK);
        var cancellation = new Cancellation();
        Thread.ofVirtual().start(() -> {
            while (scripted.get("a").calls.get() == 0) {
                Thread.onSpinWait();
            }
            cancellation.cancel();
        });
        long started = System.nanoTime();

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, cancellation);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(calls.getLast().result().outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(scripted.get("a").calls).hasValue(1);
    }

    @Test
    void stopsASilentProviderAtItsTimeToFirstTokenAndFallsBack() {
        providerWithTimeouts("a", new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofMinutes(1)), silent());
        provider("b", FAST_RETRY, text("Rescued", OK));
        models.put("model-a", new WorkerProperties.Model(List.of("b:model-b")));

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, new Cancellation());

        ProviderError timeout = calls.getFirst().result().error();
        assertThat(timeout.code()).isEqualTo(ErrorCodes.PROVIDER_TIMEOUT);
        assertThat(timeout.message()).contains("time-to-first-token").contains("200 ms");
        assertThat(deltas).containsExactly("Rescued");
    }

    @Test
    void stopsAProviderThatFallsSilentMidStreamAsIdleWithItsPartialUsage() {
        providerWithTimeouts("a", new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofMinutes(1)), text("Start", silent()));

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, new Cancellation());

        ProviderResult result = calls.getLast().result();
        assertThat(calls).hasSize(1);
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_TIMEOUT);
        assertThat(result.error().message()).contains("idle");
        assertThat(result.usage()).isEqualTo(ProviderUsage.of(3, 1));
        assertThat(deltas).containsExactly("Start");
    }

    @Test
    void aUserCancelIsACancelNotATimeout() {
        provider("a", FAST_RETRY, silent());
        var cancellation = new Cancellation();
        cancellation.cancel();

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, cancellation);

        assertThat(calls.getLast().result().outcome()).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void failsAsBusyWhenTheProviderStaysAtItsConcurrencyLimit() throws Exception {
        var limits = new Limits(1, 0, 0, Duration.ofMillis(300));
        configs.put("a", ProviderProperties.of(ProviderKind.MOCK, null, null).withRetry(FAST_RETRY).withLimits(limits));
        scripted.put("a", new ScriptedProvider(List.of(silent(), OK)));
        CallRunner runner = runner();
        var first = new Cancellation();
        Thread holder = Thread.ofVirtual().start(() -> runner.run(configured("a"), REQUEST, text -> { }, first));
        while (scripted.get("a").calls.get() == 0) {
            Thread.onSpinWait();
        }

        List<CallRecord> calls = runner.run(configured("a"), REQUEST, deltas::add, new Cancellation());

        assertThat(calls.getLast().result().error().code()).isEqualTo(ErrorCodes.PROVIDER_BUSY);
        first.cancel();
        holder.join(Duration.ofSeconds(5));
        assertThat(runner.run(configured("a"), REQUEST, deltas::add, new Cancellation()).getLast().result().outcome())
                .as("the slot is free again").isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void aCatalogProviderIsCalledWithTheRequestsKeyWhichNoFallbackElsewhereGets() {
        scripted.put(GUARDED + "catalog", new ScriptedProvider(List.of(OVERLOADED, OVERLOADED, OVERLOADED,
                text("late", OK))));
        provider("b", FAST_RETRY, text("From b", OK));
        models.put("model-a", new WorkerProperties.Model(List.of("b:model-b")));
        var withKey = new ProviderRequest("model-a", REQUEST.messages(), null, null, 20, List.of(), "sk-catalog-key");

        List<CallRecord> calls = runner().run(new RequestedProvider("catalog", new Endpoint(ProviderKind.MOCK, null), false),
                withKey, deltas::add, new Cancellation());

        assertThat(calls).extracting(CallRecord::route).containsExactly(new Route("catalog", "model-a"),
                new Route("catalog", "model-a"), new Route("catalog", "model-a"), new Route("b", "model-b"));
        assertThat(scripted.get(GUARDED + "catalog").keys).containsOnly("sk-catalog-key");
        assertThat(scripted.get("b").keys).as("the fallback runs on its configured key").containsExactly("<none>");
        assertThat(deltas).containsExactly("From b");
    }

    @Test
    void anEndpointWinsOverAConfiguredProviderOfTheSameName() {
        provider("a", FAST_RETRY, text("configured", OK));
        scripted.put(GUARDED + "a", new ScriptedProvider(List.of(text("from the endpoint", OK))));

        CallRunner runner = runner();

        runner.run(new RequestedProvider("a", new Endpoint(ProviderKind.MOCK, null), false), REQUEST, deltas::add,
                new Cancellation());
        runner.run(configured("a"), REQUEST, deltas::add, new Cancellation());

        assertThat(deltas).containsExactly("from the endpoint", "configured");
    }

    @Test
    void aRefusedAddressEndsTheRequestWithoutRetryOrFallback() {
        var refused = ProviderResult.failed(new ProviderError(ErrorCodes.PROVIDER_ADDRESS_REFUSED,
                "Provider 'a' was not called: The address 10.0.0.1 may not be called"), null, false);
        provider("a", FAST_RETRY, ends(refused), OK);
        provider("b", FAST_RETRY, OK);
        models.put("model-a", new WorkerProperties.Model(List.of("b:model-b")));

        List<CallRecord> calls = runner().run(configured("a"), REQUEST, deltas::add, new Cancellation());

        assertThat(calls).singleElement().satisfies(call ->
                assertThat(call.result().error().code()).isEqualTo(ErrorCodes.PROVIDER_ADDRESS_REFUSED));
        assertThat(scripted.get("b").calls).hasValue(0);
    }

    private CallRunner runner() {
        var properties = new WorkerProperties(8, Duration.ofSeconds(1), new WorkerProperties.Stream(Duration.ofMillis(50),
                128, Duration.ofMillis(50), 0), new WorkerProperties.Cancel(Duration.ofMinutes(1), 10), configs, models, "test-worker", Duration.ofMinutes(11));
        ProviderFactory factory = new ProviderFactory() {
            @Override
            public ProviderKind kind() {
                return ProviderKind.MOCK;
            }

            @Override
            public ChatProvider create(String name, ProviderProperties config) {
                return scripted.get(name);
            }

            @Override
            public ChatProvider createGuarded(String name, ProviderProperties config) {
                return scripted.get(GUARDED + name);
            }
        };
        caller = new ProviderCaller();
        var catalog = new CatalogProviders(new CatalogDefaults(Timeouts.DEFAULT, FAST_RETRY, Limits.UNLIMITED, 4096,
                List.of(), 16), List.of(factory));
        return new CallRunner(new ProviderLookup(new ProviderRegistry(properties, List.of(factory)), catalog),
                new RoutePlanner(properties), caller, new ProviderLimits(properties, meters), new TokenCounter(),
                meters);
    }

    private static RequestedProvider configured(String name) {
        return new RequestedProvider(name, null, false);
    }

    private void provider(String name, Retry retry, Step... steps) {
        configs.put(name, ProviderProperties.of(ProviderKind.MOCK, null, null).withRetry(retry));
        scripted.put(name, new ScriptedProvider(List.of(steps)));
    }

    private void providerWithTimeouts(String name, Timeouts timeouts, Step... steps) {
        configs.put(name, ProviderProperties.of(ProviderKind.MOCK, null, null).withRetry(new Retry(1,
                Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1))).withTimeouts(timeouts));
        scripted.put(name, new ScriptedProvider(List.of(steps)));
    }

    private static Step ends(ProviderResult result) {
        return (request, sink, cancellation) -> result;
    }

    /** Sends {@code delta}, then ends like {@code then}. */
    private static Step text(String delta, Step then) {
        return (request, sink, cancellation) -> {
            sink.accept(delta);
            return then.stream(request, sink, cancellation);
        };
    }

    /** Says nothing until stopped, then reports the usage it has. */
    private static Step silent() {
        return (request, sink, cancellation) -> {
            cancellation.await(Duration.ofSeconds(30));
            return ProviderResult.cancelled(ProviderUsage.of(3, 1), true);
        };
    }

    private interface Step extends ChatProvider {
    }

    /** Plays one step per call, the last one again once the script ran out. */
    private static final class ScriptedProvider implements ChatProvider {

        final List<Step> steps;
        final AtomicInteger calls = new AtomicInteger();
        final List<String> models = new ArrayList<>();
        final List<String> keys = new ArrayList<>();

        ScriptedProvider(List<Step> steps) {
            this.steps = List.copyOf(steps);
        }

        @Override
        public ProviderResult stream(ProviderRequest request, dev.parley.worker.provider.DeltaSink sink,
                Cancellation cancellation) {
            models.add(request.model());
            keys.add(request.carriesKey() ? request.apiKey() : "<none>");
            int call = calls.getAndIncrement();
            return steps.get(Math.min(call, steps.size() - 1)).stream(request, sink, cancellation);
        }
    }
}
