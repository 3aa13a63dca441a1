package dev.parley.accounting.price;

import java.math.BigInteger;

/**
 * Exact conversion of tokens to credits, in integers only. Prices are per 1,000,000 tokens, so the sum of
 * {@code tokens x price} over the token kinds is divided by 1,000,000 once, at the end, and rounded up: a call is
 * never charged less than its exact cost, and by less than one credit more. Intermediate products use
 * {@link BigInteger}, so no combination of token counts and prices overflows before the result is known to fit.
 */
public final class Costs {

    static final BigInteger PER_TOKENS = BigInteger.valueOf(1_000_000);

    private Costs() {
    }

    /**
     * The cost of a call. Cached input tokens are part of the input tokens and are priced at the cached price; a
     * report of more cached than input tokens is read as all input cached.
     *
     * @throws ArithmeticException when the cost does not fit in a long
     */
    public static long of(ModelPrice price, long inputTokens, long cachedInputTokens, long outputTokens) {
        requireNotNegative(inputTokens, cachedInputTokens, outputTokens);
        long cached = Math.min(cachedInputTokens, inputTokens);
        BigInteger micro = product(inputTokens - cached, price.input())
                .add(product(cached, price.cachedInput()))
                .add(product(outputTokens, price.output()));
        return ceilPerMillion(micro);
    }

    /**
     * The most a call can cost when its input is {@code inputTokens} and it may write up to {@code maxOutputTokens}:
     * no input is assumed cached unless caching is the dearer price.
     */
    public static long worstCase(ModelPrice price, long inputTokens, long maxOutputTokens) {
        requireNotNegative(inputTokens, 0, maxOutputTokens);
        long inputPrice = Math.max(price.input(), price.cachedInput());
        return ceilPerMillion(product(inputTokens, inputPrice).add(product(maxOutputTokens, price.output())));
    }

    private static BigInteger product(long tokens, long pricePerMillion) {
        return BigInteger.valueOf(tokens).multiply(BigInteger.valueOf(pricePerMillion));
    }

    private static long ceilPerMillion(BigInteger micro) {
        BigInteger[] quotientAndRemainder = micro.divideAndRemainder(PER_TOKENS);
        BigInteger credits = quotientAndRemainder[1].signum() > 0
                ? quotientAndRemainder[0].add(BigInteger.ONE) : quotientAndRemainder[0];
        return credits.longValueExact();
    }

    private static void requireNotNegative(long input, long cached, long output) {
        if (input < 0 || cached < 0 || output < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }
}
