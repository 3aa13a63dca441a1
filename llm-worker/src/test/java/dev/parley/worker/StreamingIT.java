package dev.parley.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

import mockwebserver3.MockResponse;

import dev.parley.events.CallOutcome;
import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatFailed;
import dev.parley.events.ChatRequested;
import dev.parley.events.ChatStreamed;
import dev.parley.events.FinishReason;
import dev.parley.events.HeldReservation;
import dev.parley.events.TokenUsage;
import dev.parley.events.UsageRecorded;
import dev.parley.events.UsageSource;
import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptMessage.Role;
import dev.parley.worker.provider.PromptTokens;

/** Requests in, ordered streams and usage records out; every request ends with exactly one terminal event. */
class StreamingIT extends WorkerTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void streamsOrderedDeltasThenOneTerminalEventWithTheFullTextAndMatchingUsage() {
        ChatRequested request = TestEvents.request("mock", "mock", 40, "Tell me about penguins and glaciers");

        publish(request);

        ChatCompleted completed = completed(awaitTerminal(request));
        List<ChatStreamed> stream = assertWellFormedStream(request);
        assertThat(stream).hasSizeGreaterThan(1);
        assertThat(completed.getText()).startsWith("This is the Parley mock provider").contains("penguins");
        assertThat(completed.getFinishReason()).isIn(FinishReason.STOP, FinishReason.LENGTH);
        assertThat(completed.getUsage().getSource()).isEqualTo(UsageSource.PROVIDER_REPORTED);
        assertThat(completed.getUsage().getOutputTokens()).isPositive().isLessThanOrEqualTo(40);
        assertUsageMatches(awaitUsage(request), request, completed.getUsage(), CallOutcome.COMPLETED);
    }

    @Test
    void usageNamesTheReservationTheRequestCarries() {
        ChatRequested request = TestEvents.request("mock", "mock", 10, "Hello");
        var held = new HeldReservation("org:acme", 1_234L, Instant.now().plus(Duration.ofMinutes(30)));
        request.setReservation(held);

        publish(request);

        completed(awaitTerminal(request));
        assertThat(awaitUsage(request).getReservation()).isEqualTo(held);
        assertThat(meters.get("parley.worker.queue.lag").timer().count()).isPositive();
    }

    @Test
    void aRequestPickedUpTooLateForItsReservationIsRefusedWithoutCallingAProvider() {
        ChatRequested request = TestEvents.request("mock", "mock", 10, "Hello");
        // the reservation lapses within the longest a request may run (11 minutes by default)
        request.setReservation(new HeldReservation(request.getUserId(), 500L, Instant.now().plus(Duration.ofMinutes(5))));

        publish(request);

        ChatFailed failed = failed(awaitTerminal(request));
        assertThat(failed.getErrorCode()).isEqualTo("reservation_expired");
        assertThat(failed.getPartialText()).isEmpty();
        UsageRecorded usage = awaitUsage(request);
        assertThat(usage.getInputTokens() + usage.getOutputTokens()).isZero();
        assertThat(usage.getReservation().getAmount()).isEqualTo(500L);
    }

    @Test
    void aFailingProviderEndsTheStreamWithChatFailedAndPartialUsage() {
        ChatRequested request = TestEvents.request("mock", "mock-error", 100, "Tell me about penguins");

        publish(request);

        ChatFailed failed = failed(awaitTerminal(request));
        List<ChatStreamed> stream = assertWellFormedStream(request);
        assertThat(failed.getErrorCode()).isEqualTo("provider_error");
        assertThat(failed.getPartialText()).isNotEmpty().isEqualTo(deltaText(stream));
        assertThat(failed.getUsage().getOutputTokens()).isPositive();
        assertUsageMatches(awaitUsage(request), request, failed.getUsage(), CallOutcome.FAILED);
    }

    @Test
    void estimatesUsageWithTheTokenizerWhenTheProviderReportsNone() {
        FAKE_OPENAI.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
                .body(Transcripts.read("openai-stream-without-usage.sse")).build());
        ChatRequested request = TestEvents.request("fake-openai", "gpt-4o-mini", 50, "Say hello");

        publish(request);

        ChatCompleted completed = completed(awaitTerminal(request));
        assertWellFormedStream(request);
        assertThat(completed.getText()).isEqualTo("Hello! How can I help you today?");
        var tokens = new TokenCounter();
        long prompt = PromptTokens.count(tokens, "gpt-4o-mini", List.of(
                new PromptMessage(Role.SYSTEM, "You are a helpful assistant."), new PromptMessage(Role.USER, "Say hello")));
        assertThat(completed.getUsage()).isEqualTo(new TokenUsage(prompt,
                (long) tokens.count("gpt-4o-mini", completed.getText()), 0L, 0L, UsageSource.ESTIMATED));
        assertUsageMatches(awaitUsage(request), request, completed.getUsage(), CallOutcome.COMPLETED);
    }

    @Test
    void anUnknownProviderFailsExplicitly() {
        ChatRequested request = TestEvents.request("no-such-provider", "x", 10, "Hello?");

        publish(request);

        ChatFailed failed = failed(awaitTerminal(request));
        assertThat(failed.getErrorCode()).isEqualTo("unknown_provider");
        assertThat(failed.getErrorMessage()).contains("no-such-provider");
        assertThat(events.stream(request.getRequestId())).singleElement()
                .satisfies(event -> assertThat(event.getSequence()).isZero());
        UsageRecorded usage = awaitUsage(request);
        assertThat(usage.getOutcome()).isEqualTo(CallOutcome.FAILED);
        assertThat(usage.getInputTokens() + usage.getOutputTokens()).isZero();
    }

    @Test
    void aProviderWithoutKeyFailsAsNotConfigured() {
        ChatRequested request = TestEvents.request("openai", "gpt-4o-mini", 10, "Hello?");

        publish(request);

        assertThat(failed(awaitTerminal(request)).getErrorCode()).isEqualTo("provider_not_configured");
        assertThat(awaitUsage(request).getOutputTokens()).isZero();
    }

    @Test
    void anInvalidRequestFailsExplicitly() {
        ChatRequested request = TestEvents.request("mock", "mock", 10, List.of());

        publish(request);

        ChatFailed failed = failed(awaitTerminal(request));
        assertThat(failed.getErrorCode()).isEqualTo("invalid_request");
        assertThat(failed.getErrorMessage()).contains("no messages");
        assertThat(awaitUsage(request).getOutcome()).isEqualTo(CallOutcome.FAILED);
    }
}
