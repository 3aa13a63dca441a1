package dev.parley.ingress.sso;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who a verified outside token says the user is, through its issuer's claim mapping.
 *
 * @param externalId the issuer's prefix and the subject: the id the integration endpoint knows the user by
 * @param organisation null when the issuer maps none or the token has none
 * @param admin null when the issuer's roles are not trusted; else whether the token makes the user an admin
 */
record OutsideIdentity(String externalId, String email, String name, String organisation, Boolean admin) {

    static final int MAX_ID = 128;

    static OutsideIdentity of(Jwt jwt, IssuerProperties issuer) {
        IssuerProperties.ClaimMapping claims = issuer.claims();
        String subject = text(jwt, claims.subject());
        if (subject == null || subject.isBlank() || issuer.externalIdPrefix().length() + subject.length() > MAX_ID) {
            throw new IllegalArgumentException("The token's " + claims.subject() + " claim is missing or too long");
        }
        String organisation = claims.organisation() == null ? null : text(jwt, claims.organisation());
        Boolean admin = issuer.trustRoles() ? roles(jwt, claims).contains(claims.adminRole().toLowerCase(Locale.ROOT))
                : null;
        return new OutsideIdentity(issuer.externalIdPrefix() + subject, text(jwt, claims.email()),
                text(jwt, claims.name()), organisation, admin);
    }

    private static String text(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        return value == null ? null : value.toString();
    }

    private static List<String> roles(Jwt jwt, IssuerProperties.ClaimMapping claims) {
        Object value = jwt.getClaims().get(claims.roles());
        Collection<?> values = value instanceof Collection<?> many ? many : value == null ? List.of()
                : List.of(value.toString().split("[ ,]+"));
        return values.stream().map(role -> role.toString().toLowerCase(Locale.ROOT)).toList();
    }
}
