package dev.parley.ingress.admission;

import java.util.List;

import dev.parley.events.ChatMessage;
import dev.parley.platform.tokens.TokenCounter;

/**
 * A deliberately generous count of a request's input tokens, for reserving its worst case. It counts with platform's
 * {@link TokenCounter} (the tokenizer rule llm-worker estimates with too), then adds more per-message overhead than
 * OpenAI's chat format uses and a safety margin, because a reservation that is too small is the one way a balance can
 * go below zero, while one that is too big only holds credits until the request settles.
 */
public final class TokenEstimator {

    /** OpenAI's format uses 3 per message plus the role; 6 covers the role and other providers' framing. */
    static final int TOKENS_PER_MESSAGE = 6;
    static final int REPLY_PRIMING_TOKENS = 4;
    /** Margin for tokenizers of other vendors, which can count a text somewhat higher than OpenAI's. */
    static final int MARGIN_PERCENT = 10;
    static final int MARGIN_TOKENS = 16;

    private final TokenCounter counter;

    public TokenEstimator(TokenCounter counter) {
        this.counter = counter;
    }

    public long estimate(String model, List<ChatMessage> context) {
        long sum = 0;
        for (long tokens : perMessage(model, context)) {
            sum += tokens;
        }
        return total(sum);
    }

    /** Each message's share of the estimate before the margin, so that a caller can drop messages cheaply. */
    public long[] perMessage(String model, List<ChatMessage> context) {
        TokenCounter.ModelTokens encoding = counter.forModel(model);
        long[] tokens = new long[context.size()];
        for (int index = 0; index < tokens.length; index++) {
            tokens[index] = TOKENS_PER_MESSAGE + encoding.count(context.get(index).getContent())
                    + (long) TokenCounter.IMAGE_TOKENS * context.get(index).getParts().size();
        }
        return tokens;
    }

    /** Tokens of a text, before any margin. */
    public long count(String model, String text) {
        return counter.count(model, text);
    }

    /** The text's beginning that holds at most {@code maxTokens} tokens. */
    public String truncate(String model, String text, int maxTokens) {
        return counter.truncate(model, text, maxTokens);
    }

    /** The estimate of a context whose messages' shares ({@link #perMessage}) add up to this. */
    public static long total(long perMessageSum) {
        long counted = REPLY_PRIMING_TOKENS + perMessageSum;
        return counted + Math.ceilDiv(counted * MARGIN_PERCENT, 100) + MARGIN_TOKENS;
    }
}
