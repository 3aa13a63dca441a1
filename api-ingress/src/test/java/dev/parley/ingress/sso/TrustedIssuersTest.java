package dev.parley.ingress.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Outside tokens: what a trusted issuer's valid token gives, and the usual attacks, each refused. */
class TrustedIssuersTest {

    static final String HOST = "https://host.test";
    static final String HOST_AUDIENCE = "parley-host";
    static final String SECRET = "a-host-products-shared-secret-of-32+-bytes";
    static final String IDP = "https://idp.test";
    static final String ES = "https://es.test";

    final MockWebServer keys = new MockWebServer();
    final AtomicReference<String> rsaSet = new AtomicReference<>();
    final AtomicInteger rsaFetches = new AtomicInteger();
    final RSAKey rsa = OutsideTokens.rsaKey("rsa-1");
    final ECKey ec = OutsideTokens.ecKey("ec-1");

    @BeforeEach
    void start() throws Exception {
        rsaSet.set(OutsideTokens.jwks(rsa));
        keys.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getUrl().encodedPath().equals("/rsa") ? fetched(rsaSet.get())
                        : OutsideTokens.jwks(ec);
                return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
            }
        });
        keys.start();
    }

    private String fetched(String set) {
        rsaFetches.incrementAndGet();
        return set;
    }

    @AfterEach
    void stop() {
        keys.close();
    }

    TrustedIssuers issuers(Duration minRefresh) {
        var idp = new IssuerProperties(IDP, "parley", null, keys.url("/rsa").toString(), null, "idp:",
                new IssuerProperties.ClaimMapping("sub", "email", "name", "org", "groups", "parley-admins"), true,
                500L, 0, null);
        var es = new IssuerProperties(ES, "parley", null, keys.url("/ec").toString(), "ES256", "es:",
                new IssuerProperties.ClaimMapping("sub", "email", "name", null, "roles", "admin"), false, null, 0,
                null);
        return new TrustedIssuers(new SsoProperties(HOST, HOST_AUDIENCE, SECRET, null, List.of(idp, es),
                Duration.ofMinutes(5), minRefresh, Duration.ofSeconds(60), Duration.ofMinutes(10)));
    }

    private Jwt decode(TrustedIssuers trusted, String token) {
        return trusted.issuerOf(token).orElseThrow(() -> new AssertionError("not routed")).decoder().decode(token);
    }

    @Test
    void theEnvironmentsHs256IssuerMapsSubjectEmailAndName() {
        TrustedIssuers trusted = issuers(Duration.ofSeconds(30));
        String token = OutsideTokens.hs256(SECRET, OutsideTokens.with(OutsideTokens.claims(HOST, HOST_AUDIENCE,
                "user-42"), Map.of("email", "ann@host.test", "name", "Ann")));

        Jwt jwt = decode(trusted, token);
        OutsideIdentity identity = OutsideIdentity.of(jwt, trusted.issuerOf(token).orElseThrow().settings());

        assertThat(identity).isEqualTo(new OutsideIdentity("user-42", "ann@host.test", "Ann", null, null));
        assertThat(trusted.handles(token)).isTrue();
        assertThat(trusted.handles("pk_not_a_jwt")).isFalse();
        assertThat(trusted.handles(OutsideTokens.hs256(SECRET, OutsideTokens.claims("parley", "parley-api", "u")
                .build()))).as("Parley's own tokens go to Parley's decoder").isFalse();
    }

    @Test
    void jwksIssuersMapTheirClaimsAndCacheTheirKeys() {
        TrustedIssuers trusted = issuers(Duration.ofSeconds(30));
        String token = OutsideTokens.rs256(rsa, OutsideTokens.with(OutsideTokens.claims(IDP, "parley", "u7"),
                Map.of("org", "acme", "groups", List.of("staff", "Parley-Admins"))));

        for (int i = 0; i < 5; i++) {
            decode(trusted, token);
        }
        OutsideIdentity identity = OutsideIdentity.of(decode(trusted, token),
                trusted.issuerOf(token).orElseThrow().settings());
        assertThat(identity).isEqualTo(new OutsideIdentity("idp:u7", null, null, "acme", true));
        assertThat(rsaFetches).hasValue(1);
        assertThat(decode(trusted, OutsideTokens.es256(ec, OutsideTokens.claims(ES, "parley", "e1").build()))
                .getSubject()).isEqualTo("e1");
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() {
        TrustedIssuers trusted = issuers(Duration.ofMillis(1));
        decode(trusted, OutsideTokens.rs256(rsa, OutsideTokens.claims(IDP, "parley", "u1").build()));
        RSAKey next = OutsideTokens.rsaKey("rsa-2");
        rsaSet.set(OutsideTokens.jwks(next));
        String signedWithNext = OutsideTokens.rs256(next, OutsideTokens.claims(IDP, "parley", "u1").build());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(decode(trusted, signedWithNext).getSubject()).isEqualTo("u1"));
    }

    @Test
    void unknownKeyIdsAreRefusedWithoutHammeringTheIssuer() {
        TrustedIssuers trusted = issuers(Duration.ofSeconds(30));
        RSAKey forged = OutsideTokens.rsaKey("rsa-forged");

        for (int i = 0; i < 20; i++) {
            String token = OutsideTokens.rs256(forged, OutsideTokens.claims(IDP, "parley", "victim").build());
            assertRefused(trusted, token);
        }
        assertThat(rsaFetches.get()).as("one fetch, then one refresh at most per interval").isLessThanOrEqualTo(2);
    }

    @Test
    void algNoneIsRefused() {
        TrustedIssuers trusted = issuers(Duration.ofSeconds(30));
        String unsigned = new PlainJWT(OutsideTokens.claims(HOST, HOST_AUDIENCE, "admin").build()).serialize();

        assertThat(trusted.handles(unsigned)).isTrue();
        assertRefused(trusted, unsigned);
        assertRefused(trusted, new PlainJWT(OutsideTokens.claims(IDP, "parley", "admin").build()).serialize());
    }

    @Test
    void hmacWithThePublicKeyAsSecretIsRefused() throws Exception {
        TrustedIssuers trusted = issuers(Duration.ofSeconds(30));
        JWTClaimsSet claims = OutsideTokens.claims(IDP, "parley", "admin").build();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                rsa.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";

        assertRefused(trusted, OutsideTokens.hs256(pem, claims));
        assertRefused(trusted, OutsideTokens.hs256(rsa.toPublicJWK().toJSONString(), claims));
        assertRefused(trusted, OutsideTokens.es256(OutsideTokens.ecKey("rsa-1"), claims));
    }

    @Test
    void aTokenOfOneIssuerSignedWithAnothersKeyIsRefused() {
        TrustedIssuers trusted = issuers(Duration.ofSeconds(30));

        assertRefused(trusted, OutsideTokens.hs256(SECRET, OutsideTokens.claims(IDP, "parley", "u1").build()));
        assertRefused(trusted, OutsideTokens.rs256(rsa, OutsideTokens.claims(HOST, HOST_AUDIENCE, "u1").build()));
        assertThat(trusted.issuerOf(OutsideTokens.hs256(SECRET, OutsideTokens.claims("https://evil.test",
                HOST_AUDIENCE, "u1").build()))).as("an unknown issuer is nobody's").isEmpty();
    }

    @Test
    void wrongAudienceExpiredNotYetValidAndEndlessTokensAreRefused() {
        TrustedIssuers trusted = issuers(Duration.ofSeconds(30));
        Instant now = Instant.now();

        assertRefused(trusted, hostToken(claims -> claims.audience("someone-else")));
        assertRefused(trusted, hostToken(claims -> claims.issueTime(Date.from(now.minusSeconds(900)))
                .expirationTime(Date.from(now.minusSeconds(300)))));
        assertRefused(trusted, hostToken(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(600)))));
        assertRefused(trusted, hostToken(claims -> claims.expirationTime(null)));
        assertRefused(trusted, hostToken(claims -> claims.subject(null)), true);
        assertThat(decode(trusted, hostToken(claims -> claims.issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(Date.from(now.minusSeconds(30))))))
                .as("within the clock skew").isNotNull();
    }

    @Test
    void aTamperedTokenIsRefused() {
        TrustedIssuers trusted = issuers(Duration.ofSeconds(30));
        String token = OutsideTokens.rs256(rsa, OutsideTokens.claims(IDP, "parley", "u1").build());
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                OutsideTokens.claims(IDP, "parley", "admin").build().toString().getBytes(StandardCharsets.UTF_8));
        String signature = parts[2];
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';

        assertRefused(trusted, parts[0] + "." + otherPayload + "." + parts[2]);
        assertRefused(trusted, parts[0] + "." + parts[1] + "." + signature.substring(0, 10) + flipped
                + signature.substring(11));
    }

    @Test
    void unsafeConfigurationsDoNotStart() {
        var mapping = new IssuerProperties.ClaimMapping("sub", "email", "name", null, "roles", "admin");
        List<IssuerProperties> unsafe = List.of(
                new IssuerProperties(HOST, HOST_AUDIENCE, "too-short", null, null, "", mapping, false, null, 0, null),
                new IssuerProperties(HOST, HOST_AUDIENCE, SECRET, null, "RS256", "", mapping, false, null, 0, null),
                new IssuerProperties(IDP, "parley", null, "http://keys.test/", "HS256", "", mapping, false, null, 0,
                        null),
                new IssuerProperties(IDP, "parley", SECRET, "http://keys.test/", null, "", mapping, false, null, 0,
                        null),
                new IssuerProperties(IDP, null, SECRET, null, null, "", mapping, false, null, 0, null),
                new IssuerProperties("parley", "parley-api", SECRET, null, null, "", mapping, false, null, 0, null));
        for (IssuerProperties issuer : unsafe) {
            assertThatThrownBy(() -> new TrustedIssuers(new SsoProperties(null, null, null, null, List.of(issuer),
                    Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(10))))
                    .as(issuer.toString()).isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
    }

    private static String hostToken(java.util.function.Consumer<JWTClaimsSet.Builder> change) {
        return OutsideTokens.hs256(SECRET, OutsideTokens.with(OutsideTokens.claims(HOST, HOST_AUDIENCE, "u1"), change));
    }

    private void assertRefused(TrustedIssuers trusted, String token) {
        assertRefused(trusted, token, false);
    }

    /** @param mapping refused when its claims are mapped rather than when it is decoded */
    private void assertRefused(TrustedIssuers trusted, String token, boolean mapping) {
        TrustedIssuer issuer = trusted.issuerOf(token).orElseThrow(() -> new AssertionError("not routed"));
        if (mapping) {
            Jwt jwt = issuer.decoder().decode(token);
            assertThatThrownBy(() -> OutsideIdentity.of(jwt, issuer.settings()))
                    .isInstanceOf(IllegalArgumentException.class);
        } else {
            assertThatThrownBy(() -> issuer.decoder().decode(token)).isInstanceOf(JwtException.class);
        }
    }
}
