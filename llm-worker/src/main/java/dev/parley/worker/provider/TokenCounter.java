package dev.parley.worker.provider;

import java.util.List;
import java.util.Locale;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with OpenAI's BPE tokenizers: {@code o200k_base} for the GPT-4o generation and later,
 * {@code cl100k_base} for everything else (a fair estimate for most other models too).
 */
public final class TokenCounter {

    /** OpenAI's chat format adds these around every message, and primes the reply with as many. */
    static final int TOKENS_PER_MESSAGE = 3;
    static final int REPLY_PRIMING_TOKENS = 3;

    private static final List<String> O200K_FAMILIES = List.of("gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss",
            "chatgpt-4o", "o1", "o3", "o4");

    /**
     * An image's share of a prompt when the provider reports no usage: about the most either OpenAI (85 + 170 per
     * 512 px tile, high detail) or Anthropic (width x height / 750, images scaled to at most 1.15 megapixels) count
     * for one image; api-ingress reserves the same.
     */
    public static final int IMAGE_TOKENS = 1600;

    private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

    public int count(String model, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        // ordinary: a user typing "<|endoftext|>" is text, not a control token
        return encodingFor(model).countTokensOrdinary(text);
    }

    /** Prompt tokens of a chat request, counted the way OpenAI bills them. */
    public int countPrompt(String model, List<PromptMessage> messages) {
        Encoding encoding = encodingFor(model);
        int total = REPLY_PRIMING_TOKENS;
        for (PromptMessage message : messages) {
            total += TOKENS_PER_MESSAGE + encoding.countTokensOrdinary(message.role().wireName())
                    + encoding.countTokensOrdinary(message.content()) + IMAGE_TOKENS * message.images().size();
        }
        return total;
    }

    private Encoding encodingFor(String model) {
        return registry.getEncoding(encodingTypeFor(model));
    }

    static EncodingType encodingTypeFor(String model) {
        String name = model == null ? "" : model.toLowerCase(Locale.ROOT);
        // OpenRouter and similar routers prefix the vendor: openai/gpt-4o
        name = name.substring(name.lastIndexOf('/') + 1);
        for (String family : O200K_FAMILIES) {
            if (name.startsWith(family)) {
                return EncodingType.O200K_BASE;
            }
        }
        return EncodingType.CL100K_BASE;
    }
}
