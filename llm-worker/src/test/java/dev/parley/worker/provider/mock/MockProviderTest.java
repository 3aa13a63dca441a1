package dev.parley.worker.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.events.FinishReason;
import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.provider.Cancellation;
import dev.parley.worker.provider.ErrorCodes;
import dev.parley.worker.provider.PromptMessage;
import dev.parley.worker.provider.PromptMessage.Role;
import dev.parley.worker.provider.PromptTokens;
import dev.parley.worker.provider.ProviderRequest;
import dev.parley.worker.provider.ProviderResult;
import dev.parley.worker.provider.ProviderResult.Outcome;

class MockProviderTest {

    static final List<PromptMessage> CONVERSATION = List.of(
            new PromptMessage(Role.SYSTEM, "You are terse."),
            new PromptMessage(Role.USER, "Tell me about penguins and glaciers"));

    final TokenCounter tokens = new TokenCounter();
    final MockProvider provider = new MockProvider(new MockAnswers(tokens), tokens, 0, 60);

    @Test
    void theMockSaysHowManyImagesTheLastQuestionCarried() {
        var image = new PromptMessage.Image("image/png", new byte[] {1, 2, 3}, null);
        String answer = MockAnswers.fullAnswer(List.of(new PromptMessage(Role.USER, "Look at these", List.of(image,
                new PromptMessage.Image(null, null, "https://example.com/b.png")))));
        assertThat(answer).contains("You sent 2 images.");
        assertThat(MockAnswers.fullAnswer(CONVERSATION)).doesNotContain("image");
    }

    @Test
    void answersTheSameConversationWithTheSameText() {
        String first = streamed(CONVERSATION, 200);
        String second = streamed(CONVERSATION, 200);

        assertThat(first).isEqualTo(second)
                .startsWith("This is the Parley mock provider, answering a conversation of 2 messages.")
                .contains("penguins").contains("glaciers");
    }

    @Test
    void answersADifferentConversationDifferently() {
        var other = List.of(new PromptMessage(Role.USER, "What about volcanoes?"));

        assertThat(streamed(other, 200)).contains("volcanoes").isNotEqualTo(streamed(CONVERSATION, 200));
    }

    @Test
    void streamsTheWholeAnswerWithStopWhenItFits() {
        List<String> deltas = new ArrayList<>();

        ProviderResult result = provider.stream(request(CONVERSATION, 500), deltas::add, new Cancellation());

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(String.join("", deltas)).isEqualTo(MockAnswers.fullAnswer(CONVERSATION)).endsWith("to say.");
        assertThat(deltas).hasSizeGreaterThan(10);
    }

    @Test
    void cutsTheAnswerAtMaxTokensWithLength() {
        List<String> deltas = new ArrayList<>();

        ProviderResult result = provider.stream(request(CONVERSATION, 7), deltas::add, new Cancellation());

        String text = String.join("", deltas);
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(tokens.count("mock", text)).isLessThanOrEqualTo(7).isGreaterThanOrEqualTo(5);
        assertThat(result.usage().outputTokens()).isEqualTo(tokens.count("mock", text));
    }

    @Test
    void usesTheConfiguredDefaultWhenTheRequestSetsNoMaxTokens() {
        var small = new MockProvider(new MockAnswers(tokens), tokens, 0, 5);
        List<String> deltas = new ArrayList<>();

        ProviderResult result = small.stream(request(CONVERSATION, null), deltas::add, new Cancellation());

        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(tokens.count("mock", String.join("", deltas))).isLessThanOrEqualTo(5);
    }

    @Test
    void reportsRealUsageFromTheTokenizer() {
        List<String> deltas = new ArrayList<>();

        ProviderResult result = provider.stream(request(CONVERSATION, 500), deltas::add, new Cancellation());

        assertThat(result.usage().inputTokens()).isEqualTo(PromptTokens.count(tokens, "mock", CONVERSATION));
        assertThat(result.usage().outputTokens()).isEqualTo(tokens.count("mock", String.join("", deltas)));
        assertThat(result.usage().outputTokens()).isPositive();
    }

    @Test
    void failsOnPurposeAfterAFewDeltasForTheErrorModel() {
        List<String> deltas = new ArrayList<>();

        ProviderResult result = provider.stream(new ProviderRequest(MockProvider.ERROR_MODEL, CONVERSATION, null, null,
                500, List.of()), deltas::add, new Cancellation());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.error().code()).isEqualTo(ErrorCodes.PROVIDER_ERROR);
        assertThat(deltas).hasSize(MockProvider.PIECES_BEFORE_ERROR);
        assertThat(result.usage().outputTokens()).isEqualTo(tokens.count(MockProvider.ERROR_MODEL,
                String.join("", deltas)));
    }

    @Test
    void stopsPromptlyWhenCancelledAndReportsThePartialUsage() {
        var slow = new MockProvider(new MockAnswers(tokens), tokens, 1, 60);
        var cancellation = new Cancellation();
        List<String> deltas = new ArrayList<>();
        long[] cancelledAt = new long[1];

        ProviderResult result = slow.stream(request(CONVERSATION, 500), text -> {
            deltas.add(text);
            cancellation.cancel();
            cancelledAt[0] = System.nanoTime();
        }, cancellation);

        // each piece waits a second: the cancel must not wait for the next one. Measured from the cancel, so that a
        // busy machine's slow first piece does not count (the whole call took 2.6 s on the loaded build machine)
        assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt[0])).isLessThan(Duration.ofMillis(900));
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(deltas).hasSize(1);
        assertThat(result.usage().outputTokens()).isEqualTo(tokens.count("mock", deltas.getFirst()));
    }

    @Test
    void pacesItsOutputByTokensPerSecond() {
        var paced = new MockProvider(new MockAnswers(tokens), tokens, 50, 60);
        long started = System.nanoTime();

        paced.stream(request(CONVERSATION, 10), ignored -> { }, new Cancellation());

        // about ten pieces at 20 ms each
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(140));
    }

    @Test
    void injectsRetryableFailuresBeforeTheFirstPieceAtTheConfiguredRate() {
        List<String> deltas = new ArrayList<>();
        var failing = new MockProvider(new MockAnswers(tokens), tokens, 0, 60, 0.3, () -> 0.29);
        var passing = new MockProvider(new MockAnswers(tokens), tokens, 0, 60, 0.3, () -> 0.3);

        ProviderResult failed = failing.stream(request(CONVERSATION, 60), deltas::add, new Cancellation());
        ProviderResult answered = passing.stream(request(CONVERSATION, 60), deltas::add, new Cancellation());

        assertThat(failed.error().code()).isEqualTo(ErrorCodes.PROVIDER_UNAVAILABLE);
        assertThat(failed.error().retryable()).isTrue();
        assertThat(failed.streamOpened()).isFalse();
        assertThat(answered.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(String.join("", deltas)).isEqualTo(streamed(CONVERSATION, 60));
    }

    private String streamed(List<PromptMessage> conversation, int maxTokens) {
        var text = new StringBuilder();
        provider.stream(request(conversation, maxTokens), text::append, new Cancellation());
        return text.toString();
    }

    private static ProviderRequest request(List<PromptMessage> conversation, Integer maxTokens) {
        return new ProviderRequest("mock", conversation, null, null, maxTokens, List.of());
    }
}
