package dev.parley.worker;

import static dev.parley.worker.ProviderResponses.json;
import static dev.parley.worker.ProviderResponses.sse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.QueueDispatcher;

import dev.parley.events.CallOutcome;
import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatRequested;
import dev.parley.events.TokenUsage;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;

/** Retries, fallbacks and timeouts end in an explicit event, with one usage record per provider call. */
class ResilienceIT extends WorkerTestSupport {

    /**
     * A call cut short by its time-to-first-token timeout before it even reached the fake server (a slow connect on a
     * loaded machine) leaves its response queued, and the next test's call would get it.
     */
    @BeforeEach
    void noResponseLeftFromAnEarlierTest() {
        ((QueueDispatcher) FAKE_OPENAI.getDispatcher()).clear();
    }

    @Test
    void fallsBackToTheNextModelWhenRetriesRunOutBeforeTheFirstDelta() {
        ChatRequested request = TestEvents.request("flaky-mock", "flaky", 20, "Tell me about penguins");

        publish(request);

        ChatCompleted completed = completed(awaitTerminal(request));
        assertWellFormedStream(request);
        assertThat(completed.getText()).startsWith("This is the Parley mock provider");
        UsageRecorded usage = awaitUsages(request, 1).getFirst();
        assertThat(usage.getProvider()).as("the refused calls cost nothing; the fallback is billed").isEqualTo("mock");
        assertThat(usage.getModel()).isEqualTo("mock");
        assertThat(usage.getOutcome()).isEqualTo(CallOutcome.COMPLETED);
    }

    @Test
    void retriesA429AfterItsRetryAfterThenStreams() throws Exception {
        int before = FAKE_OPENAI.getRequestCount();
        FAKE_OPENAI.enqueue(json(429, Transcripts.read("openai-429.json")).addHeader("Retry-After", "0").build());
        FAKE_OPENAI.enqueue(sse(Transcripts.read("openai-stream-with-usage.sse")).build());
        ChatRequested request = TestEvents.request("strict-openai", "gpt-4o-mini", 50, "Say hello");

        publish(request);

        ChatCompleted completed = completed(awaitTerminal(request));
        assertThat(completed.getText()).isEqualTo("Hello! How can I help you today?");
        assertThat(FAKE_OPENAI.getRequestCount() - before).isEqualTo(2);
        assertUsageMatches(awaitUsages(request, 1).getFirst(), request, completed.getUsage(), CallOutcome.COMPLETED);
        assertThat(completed.getUsage().getSource()).isEqualTo(UsageSource.PROVIDER_REPORTED);
    }

    @Test
    void anErrorAfterHttp200ButBeforeTheFirstDeltaIsRetriedAndEachCallIsBilled() {
        FAKE_OPENAI.enqueue(sse(Transcripts.read("openai-error-before-text.sse")).build());
        FAKE_OPENAI.enqueue(sse(Transcripts.read("openai-stream-with-usage.sse")).build());
        ChatRequested request = TestEvents.request("strict-openai", "gpt-4o-mini", 50, "Say hello");

        publish(request);

        ChatCompleted completed = completed(awaitTerminal(request));
        assertWellFormedStream(request);
        List<UsageRecorded> usages = awaitUsages(request, 2);
        assertThat(usages).extracting(UsageRecorded::getOutcome).containsExactlyInAnyOrder(CallOutcome.FAILED,
                CallOutcome.COMPLETED);
        UsageRecorded failedCall = usages.stream().filter(u -> u.getOutcome() == CallOutcome.FAILED).findFirst()
                .orElseThrow();
        assertThat(failedCall.getSource()).isEqualTo(UsageSource.ESTIMATED);
        assertThat(failedCall.getInputTokens()).as("the prompt reached the model").isPositive();
        assertThat(failedCall.getOutputTokens()).isZero();
        assertThat(usages).extracting(UsageRecorded::getEventId).as("numbered in call order, the same on every run")
                .containsExactlyInAnyOrder(request.getRequestId() + ":0", request.getRequestId() + ":1");
        TokenUsage total = completed.getUsage();
        assertThat(total.getInputTokens()).isEqualTo(failedCall.getInputTokens() + 19);
        assertThat(total.getOutputTokens()).isEqualTo(10);
    }

    @Test
    void aProviderSilentPastItsTimeToFirstTokenFailsWithProviderTimeout() {
        FAKE_OPENAI.enqueue(sse(Transcripts.read("openai-stream-with-usage.sse")).headersDelay(5, TimeUnit.SECONDS)
                .build());
        ChatRequested request = TestEvents.request("strict-openai", "gpt-4o-mini", 50, "Say hello");

        publish(request);

        ChatFailed failed = failed(awaitTerminal(request));
        assertThat(failed.getErrorCode()).isEqualTo("provider_timeout");
        assertThat(failed.getErrorMessage()).contains("time-to-first-token");
        UsageRecorded usage = awaitUsages(request, 1).getFirst();
        assertThat(usage.getOutcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(usage.getInputTokens() + usage.getOutputTokens()).as("the answer never started").isZero();
    }

    @Test
    void aStreamThatFallsSilentFailsAsIdleWithItsPartialTextAndEstimatedUsage() {
        String transcript = Transcripts.read("openai-stream-with-usage.sse");
        int afterHello = transcript.indexOf("data: ", transcript.indexOf("\"Hello\""));
        FAKE_OPENAI.enqueue(sse(null).body(transcript).throttleBody(afterHello, 5, TimeUnit.SECONDS).build());
        ChatRequested request = TestEvents.request("strict-openai", "gpt-4o-mini", 50, "Say hello");

        publish(request);

        ChatFailed failed = failed(awaitTerminal(request));
        assertWellFormedStream(request);
        assertThat(failed.getErrorCode()).isEqualTo("provider_timeout");
        assertThat(failed.getErrorMessage()).contains("idle");
        assertThat(failed.getPartialText()).isEqualTo("Hello");
        assertThat(failed.getUsage().getSource()).isEqualTo(UsageSource.ESTIMATED);
        assertThat(failed.getUsage().getOutputTokens()).isEqualTo(1);
        assertUsageMatches(awaitUsages(request, 1).getFirst(), request, failed.getUsage(), CallOutcome.FAILED);
    }
}
