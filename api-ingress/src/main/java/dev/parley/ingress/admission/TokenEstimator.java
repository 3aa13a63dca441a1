package dev.parley.ingress.admission;

import java.util.List;
import java.util.Locale;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

import dev.parley.events.ChatMessage;

/**
 * A deliberately generous count of a request's input tokens, for reserving its worst case. It counts with OpenAI's
 * tokenizers (o200k_base for the GPT-4o generation and later, cl100k_base for everything else), then adds more
 * per-message overhead than OpenAI's chat format uses and a safety margin, because a reservation that is too small
 * is the one way a balance can go below zero, while one that is too big only holds credits until the request
 * settles.
 */
public final class TokenEstimator {

    /** OpenAI's format uses 3 per message plus the role; 6 covers the role and other providers' framing. */
    static final int TOKENS_PER_MESSAGE = 6;
    static final int REPLY_PRIMING_TOKENS = 4;
    /** Margin for tokenizers of other vendors, which can count a text somewhat higher than OpenAI's. */
    static final int MARGIN_PERCENT = 10;
    static final int MARGIN_TOKENS = 16;

    private static final List<String> O200K_FAMILIES = List.of("gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss",
            "chatgpt-4o", "o1", "o3", "o4");

    /**
     * An image's share: about the most OpenAI (85 + 170 per 512 px tile at high detail) or Anthropic (width x height /
     * 750, images scaled to at most 1.15 megapixels) count for one image, as llm-worker estimates it too.
     */
    public static final int IMAGE_TOKENS = 1600;

    private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

    public long estimate(String model, List<ChatMessage> context) {
        long sum = 0;
        for (long tokens : perMessage(model, context)) {
            sum += tokens;
        }
        return total(sum);
    }

    /** Each message's share of the estimate before the margin, so that a caller can drop messages cheaply. */
    public long[] perMessage(String model, List<ChatMessage> context) {
        Encoding encoding = registry.getEncoding(encodingTypeFor(model));
        long[] tokens = new long[context.size()];
        for (int index = 0; index < tokens.length; index++) {
            String content = context.get(index).getContent();
            // ordinary: a user typing "<|endoftext|>" is text, not a control token
            tokens[index] = TOKENS_PER_MESSAGE + (content == null ? 0 : encoding.countTokensOrdinary(content))
                    + (long) IMAGE_TOKENS * context.get(index).getParts().size();
        }
        return tokens;
    }

    /** Tokens of a text, before any margin. */
    public long count(String model, String text) {
        return registry.getEncoding(encodingTypeFor(model)).countTokensOrdinary(text);
    }

    /** The text's beginning that holds at most {@code maxTokens} tokens. */
    public String truncate(String model, String text, int maxTokens) {
        Encoding encoding = registry.getEncoding(encodingTypeFor(model));
        var encoded = encoding.encodeOrdinary(text, Math.max(0, maxTokens));
        return encoded.isTruncated() ? encoding.decode(encoded.getTokens()) : text;
    }

    /** The estimate of a context whose messages' shares ({@link #perMessage}) add up to this. */
    public static long total(long perMessageSum) {
        long counted = REPLY_PRIMING_TOKENS + perMessageSum;
        return counted + Math.ceilDiv(counted * MARGIN_PERCENT, 100) + MARGIN_TOKENS;
    }

    static EncodingType encodingTypeFor(String model) {
        String name = model == null ? "" : model.toLowerCase(Locale.ROOT);
        // routers such as OpenRouter prefix the vendor: openai/gpt-4o
        name = name.substring(name.lastIndexOf('/') + 1);
        for (String family : O200K_FAMILIES) {
            if (name.startsWith(family)) {
                return EncodingType.O200K_BASE;
            }
        }
        return EncodingType.CL100K_BASE;
    }
}
