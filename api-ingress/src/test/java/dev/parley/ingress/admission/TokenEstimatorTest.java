package dev.parley.ingress.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.events.ChatMessage;
import dev.parley.events.ChatRole;
import dev.parley.platform.tokens.TokenCounter;

class TokenEstimatorTest {

    final TokenEstimator estimator = new TokenEstimator(new TokenCounter());

    @Test
    void estimateExceedsWhatOpenAisChatFormatCounts() {
        List<ChatMessage> context = List.of(new ChatMessage(ChatRole.SYSTEM, "Answer briefly.", List.of()),
                new ChatMessage(ChatRole.USER, "How many tokens does this sentence take, roughly?", List.of()));
        // OpenAI bills 3 per message plus the role's token, and 3 to prime the reply
        long billed = 3 + context.stream()
                .mapToLong(message -> 3 + 1 + new TokenCounter().count("mock-1", message.getContent())).sum();

        long estimate = estimator.estimate("mock-1", context);

        assertThat(estimate).isGreaterThan(billed);
        assertThat(estimate).isLessThan(billed * 2 + TokenEstimator.MARGIN_TOKENS);
    }

    @Test
    void marginGrowsWithTheText() {
        String page = "The quick brown fox jumps over the lazy dog. ".repeat(200);
        long small = estimator.estimate("gpt-4o-mini", List.of(new ChatMessage(ChatRole.USER, "Hi", List.of())));
        long large = estimator.estimate("gpt-4o-mini", List.of(new ChatMessage(ChatRole.USER, page, List.of())));

        long counted = new TokenCounter().count("gpt-4o-mini", page);
        assertThat(small).isPositive();
        assertThat(large).isGreaterThanOrEqualTo(counted + counted / 10);
    }

    @Test
    void controlTokensTypedByAUserAreCountedAsText() {
        long estimate = estimator.estimate("mock-1", List.of(new ChatMessage(ChatRole.USER, "<|endoftext|>", List.of())));

        assertThat(estimate).isGreaterThan(TokenEstimator.TOKENS_PER_MESSAGE + TokenEstimator.REPLY_PRIMING_TOKENS);
    }
}
