package dev.parley.ingress.auth;

import java.util.Locale;

/** Emails compared the way accounts store them: trimmed, lower case. */
final class Emails {

    private Emails() {
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
