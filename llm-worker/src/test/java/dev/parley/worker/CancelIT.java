package dev.parley.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.parley.events.CallOutcome;
import dev.parley.events.ChatCompleted;
import dev.parley.events.ChatRequested;
import dev.parley.events.FinishReason;

/** Cancels travel on chat.control to every worker; only the owner's cancel stops a stream. */
class CancelIT extends WorkerTestSupport {

    @Test
    void cancelStopsTheStreamWithThePartialTextAndPartialUsage() {
        ChatRequested request = TestEvents.request("slow-mock", "mock", 500, LONG_QUESTION);
        publish(request);
        awaitFirstDelta(request);

        publishCancel(request.getRequestId(), request.getUserId());

        ChatCompleted completed = completed(awaitTerminal(request, Duration.ofSeconds(5)));
        assertThat(completed.getFinishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(completed.getText()).isNotEmpty().hasSizeLessThan(200);
        assertWellFormedStream(request);
        assertThat(completed.getUsage().getOutputTokens()).isPositive();
        assertUsageMatches(awaitUsage(request), request, completed.getUsage(), CallOutcome.CANCELLED);
    }

    @Test
    void aCancelThatArrivesBeforeItsRequestStillStopsIt() {
        ChatRequested request = TestEvents.request("slow-mock", "mock", 500, LONG_QUESTION);

        publishCancel(request.getRequestId(), request.getUserId());
        publish(request);

        ChatCompleted completed = completed(awaitTerminal(request));
        assertThat(completed.getFinishReason()).isEqualTo(FinishReason.CANCELLED);
        assertWellFormedStream(request);
        assertThat(awaitUsage(request).getOutcome()).isEqualTo(CallOutcome.CANCELLED);
    }

    @Test
    void aCancelByAnotherUserIsIgnored() {
        ChatRequested request = TestEvents.request("slow-mock", "mock", 12, LONG_QUESTION);
        publish(request);
        awaitFirstDelta(request);

        publishCancel(request.getRequestId(), "someone-else");

        assertThat(completed(awaitTerminal(request)).getFinishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(awaitUsage(request).getOutcome()).isEqualTo(CallOutcome.COMPLETED);
    }
}
