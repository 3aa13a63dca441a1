package dev.parley.ingress.admin;

/** A catalog model's price in credits per 1,000,000 tokens. */
record PriceResponse(String model, long input, long output, long cachedInput) {
}
