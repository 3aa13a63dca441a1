package dev.parley.ingress.openai;

/** Parley's finish reasons in OpenAI's words. A cancelled answer simply stopped, as far as a client can tell. */
final class FinishReasons {

    private FinishReasons() {
    }

    static String of(String parleyReason) {
        return switch (parleyReason == null ? "" : parleyReason) {
            case "LENGTH" -> "length";
            case "CONTENT_FILTER" -> "content_filter";
            default -> "stop"; // STOP, CANCELLED and anything newer
        };
    }
}
