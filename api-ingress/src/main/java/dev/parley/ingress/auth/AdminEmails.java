package dev.parley.ingress.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The configured administrators' emails, compared the way accounts store them (trimmed, lower case). */
final class AdminEmails {

    private final Set<String> emails;

    AdminEmails(List<String> configured) {
        this.emails = configured.stream()
                .filter(email -> email != null && !email.isBlank())
                .map(AdminEmails::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean contains(String email) {
        return email != null && emails.contains(normalize(email));
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
