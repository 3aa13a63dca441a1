package dev.parley.worker.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.platform.tokens.TokenCounter;
import dev.parley.worker.provider.PromptMessage.Role;

class PromptTokensTest {

    final TokenCounter counter = new TokenCounter();

    @Test
    void countsPromptsTheWayOpenAiBillsThem() {
        // the chat completions API bills a lone user message "Hello" as 8 prompt tokens:
        // 3 per message + role + content, and 3 that prime the reply
        assertThat(PromptTokens.count(counter, "gpt-4", List.of(new PromptMessage(Role.USER, "Hello")))).isEqualTo(8);
        assertThat(PromptTokens.count(counter, "gpt-4o", List.of(new PromptMessage(Role.SYSTEM, "Be brief."),
                new PromptMessage(Role.USER, "Hello world")))).isEqualTo(3 + (3 + 1 + 3) + (3 + 1 + 2));
    }

    @Test
    void countsAnImageAsItsFixedShare() {
        var image = new PromptMessage.Image("image/png", new byte[] {1}, null);

        assertThat(PromptTokens.count(counter, "gpt-4o", List.of(new PromptMessage(Role.USER, "", List.of(image)))))
                .isEqualTo(3 + 3 + 1 + TokenCounter.IMAGE_TOKENS);
    }

    @Test
    void countsAnEmptyConversationAsTheReplyPrimingOnly() {
        assertThat(PromptTokens.count(counter, "gpt-4", List.of())).isEqualTo(PromptTokens.REPLY_PRIMING_TOKENS);
    }
}
