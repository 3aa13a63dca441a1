package dev.parley.worker.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.knuddels.jtokkit.api.EncodingType;

import dev.parley.worker.provider.PromptMessage.Role;

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
    void treatsControlTokensTypedByUsersAsText() {
        assertThat(counter.count("gpt-4", "<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void countsPromptsTheWayOpenAiBillsThem() {
        // the chat completions API bills a lone user message "Hello" as 8 prompt tokens:
        // 3 per message + role + content, and 3 that prime the reply
        assertThat(counter.countPrompt("gpt-4", List.of(new PromptMessage(Role.USER, "Hello")))).isEqualTo(8);
        assertThat(counter.countPrompt("gpt-4o", List.of(new PromptMessage(Role.SYSTEM, "Be brief."),
                new PromptMessage(Role.USER, "Hello world")))).isEqualTo(3 + (3 + 1 + 3) + (3 + 1 + 2));
    }

    @Test
    void countsAnEmptyConversationAsTheReplyPrimingOnly() {
        assertThat(counter.countPrompt("gpt-4", List.of())).isEqualTo(TokenCounter.REPLY_PRIMING_TOKENS);
    }
}
