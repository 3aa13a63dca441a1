package dev.parley.platform.tokens;

import java.util.List;
import java.util.Locale;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * The one token counter of Parley (api-ingress reserves with it, llm-worker estimates usage and the mock provider
 * answers with it): OpenAI's BPE tokenizers through JTokkit, {@code o200k_base} for the GPT-4o generation and later,
 * {@code cl100k_base} for everything else (a fair estimate for most other vendors' models too). The encodings are
 * loaded on first use, once per instance: a service keeps one instance.
 */
public final class TokenCounter {

    /**
     * An image's share of a prompt: about the most either OpenAI (85 + 170 per 512 px tile, high detail) or Anthropic
     * (width x height / 750, images scaled to at most 1.15 megapixels) count for one image. api-ingress reserves it
     * and llm-worker estimates it, so both must use this one number.
     */
    public static final int IMAGE_TOKENS = 1600;

    private static final List<String> O200K_FAMILIES = List.of("gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss",
            "chatgpt-4o", "o1", "o3", "o4");

    private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();

    /** The model's tokenizer, resolved once for callers that count many texts of one request. */
    public ModelTokens forModel(String model) {
        return new ModelTokens(registry.getEncoding(encodingTypeFor(model)));
    }

    /** Tokens of a text (0 for null or empty), control tokens a user typed counted as text. */
    public int count(String model, String text) {
        return forModel(model).count(text);
    }

    /** The text's beginning that holds at most {@code maxTokens} tokens. */
    public String truncate(String model, String text, int maxTokens) {
        return forModel(model).truncate(text, maxTokens);
    }

    /** The model to encoding rule; routers such as OpenRouter prefix the vendor ({@code openai/gpt-4o}). */
    public static EncodingType encodingTypeFor(String model) {
        String name = model == null ? "" : model.toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1);
        for (String family : O200K_FAMILIES) {
            if (name.startsWith(family)) {
                return EncodingType.O200K_BASE;
            }
        }
        return EncodingType.CL100K_BASE;
    }

    /** One model's tokenizer. */
    public static final class ModelTokens {

        private final Encoding encoding;

        private ModelTokens(Encoding encoding) {
            this.encoding = encoding;
        }

        public int count(String text) {
            // ordinary: a user typing "<|endoftext|>" is text, not a control token
            return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
        }

        public String truncate(String text, int maxTokens) {
            var encoded = encoding.encodeOrdinary(text, Math.max(0, maxTokens));
            return encoded.isTruncated() ? encoding.decode(encoded.getTokens()) : text;
        }
    }
}
