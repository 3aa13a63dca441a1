package dev.parley.worker.provider;

import java.util.regex.Pattern;

/**
 * Removes credentials from text that leaves the worker (error messages, logs). Providers sometimes echo a
 * key, or part of it, in their error bodies.
 */
public final class SecretRedactor {

    static final String REDACTED = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|rk|pk)-[A-Za-z0-9_*\\-]{8,}");

    private SecretRedactor() {
    }

    public static String redact(String text, String secret) {
        if (text == null) {
            return "";
        }
        String result = text;
        if (secret != null && !secret.isBlank()) {
            result = result.replace(secret, REDACTED);
        }
        result = BEARER.matcher(result).replaceAll("Bearer " + REDACTED);
        return KEY_LIKE.matcher(result).replaceAll(REDACTED);
    }
}
