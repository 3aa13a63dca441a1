package dev.parley.worker.provider;

import java.util.List;

import dev.parley.platform.tokens.TokenCounter;

/** Prompt tokens of a chat request, counted the way OpenAI's chat format bills them (the worker's estimate). */
public final class PromptTokens {

    /** OpenAI's chat format adds these around every message, and primes the reply with as many. */
    static final int TOKENS_PER_MESSAGE = 3;
    static final int REPLY_PRIMING_TOKENS = 3;

    private PromptTokens() {
    }

    public static int count(TokenCounter counter, String model, List<PromptMessage> messages) {
        TokenCounter.ModelTokens tokens = counter.forModel(model);
        int total = REPLY_PRIMING_TOKENS;
        for (PromptMessage message : messages) {
            total += TOKENS_PER_MESSAGE + tokens.count(message.role().wireName()) + tokens.count(message.content())
                    + TokenCounter.IMAGE_TOKENS * message.images().size();
        }
        return total;
    }
}
