package dev.parley.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.knuddels.jtokkit.api.EncodingType;

class TokenCounterTest {

    final TokenCounter counter = new TokenCounter();

    @Test
    void choosesO200kForTheGpt4oGenerationAndCl100kOtherwise() {
        assertThat(TokenCounter.encodingTypeFor("gpt-4o-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenCounter.encodingTypeFor("openai/gpt-4.1")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenCounter.encodingTypeFor("o3-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenCounter.encodingTypeFor("GPT-5")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenCounter.encodingTypeFor("gpt-4-turbo")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenCounter.encodingTypeFor("gpt-3.5-turbo")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenCounter.encodingTypeFor("anthropic/claude-3.5-haiku")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenCounter.encodingTypeFor("meta-llama/llama-3.1-8b-instruct")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenCounter.encodingTypeFor("mock")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenCounter.encodingTypeFor(null)).isEqualTo(EncodingType.CL100K_BASE);
    }

    @Test
    void countsTextWithTheModelsTokenizer() {
        assertThat(counter.count("gpt-4", "Hello world")).isEqualTo(2);
        assertThat(counter.count("gpt-4o", "Hello world")).isEqualTo(2);
        assertThat(counter.count("gpt-4", "")).isZero();
        assertThat(counter.count("gpt-4", null)).isZero();
    }

    @Test
    void theTwoEncodingsCountDifferentlyWhereTheyDiffer() {
        String text = "Привет, как дела? こんにちは世界";

        assertThat(counter.count("gpt-4o", text)).isNotEqualTo(counter.count("gpt-4", text));
        assertThat(counter.forModel("gpt-4o").count(text)).isEqualTo(counter.count("gpt-4o", text));
    }

    @Test
    void treatsControlTokensTypedByUsersAsText() {
        assertThat(counter.count("gpt-4", "<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void truncatesToAtMostTheGivenTokens() {
        String page = "The quick brown fox jumps over the lazy dog. ".repeat(50);

        String cut = counter.truncate("gpt-4o", page, 20);

        assertThat(page).startsWith(cut);
        assertThat(counter.count("gpt-4o", cut)).isEqualTo(20);
        assertThat(counter.truncate("gpt-4o", "short", 20)).isEqualTo("short");
        assertThat(counter.truncate("gpt-4o", "short", -1)).isEmpty();
    }
}
