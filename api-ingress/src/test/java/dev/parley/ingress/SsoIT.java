package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.PlainJWT;

import dev.parley.ingress.sso.OutsideTokens;
import tools.jackson.databind.JsonNode;

/**
 * Tokens of trusted outside issuers on the whole API: the user is created on first sight, once, with the issuer's
 * credits, under the same external id the integration endpoint uses; forged, expired and misdirected tokens are 401.
 */
class SsoIT extends IngressIntegrationTest {

    @Test
    void aHostProductsTokenSignsItsUserInOnceAndShareTheIntegrationsExternalId() {
        String externalId = "host-" + UUID.randomUUID();
        String bearer = hostToken(externalId, Map.of("email", externalId + "@host.example", "name", "Hanna"));

        JsonNode me = api.get("/api/auth/me", bearer).body();
        String userId = me.get("id").asText();
        assertThat(me.get("email").asText()).isEqualTo(externalId + "@host.example");
        assertThat(me.get("displayName").asText()).isEqualTo("Hanna");
        assertThat(api.get("/api/auth/me", bearer).body().get("id").asText()).isEqualTo(userId);
        assertThat(AccountingStub.calls("PUT", "/internal/accounts/" + userId)).singleElement()
                .satisfies(call -> assertThat(call.body().get("startingBalance").asLong()).isPositive());

        ApiClient.Response quota = api.put("/api/integrations/users/" + externalId + "/quota",
                "Bearer " + INTEGRATION_TOKEN, ApiClient.json(Map.of("balance", 1234)));
        assertThat(quota.status()).as(quota.text()).isEqualTo(200);
        assertThat(quota.body().get("userId").asText()).isEqualTo(userId);

        User outside = new User(userId, bearer);
        postMessage(outside, createConversation(outside, "from the host"), Map.of("content", "Hello"));
        assertThat(api.get("/api/me/usage", bearer).status()).isEqualTo(200);
    }

    @Test
    void aUserTheIntegrationCreatedSignsInWithTheHostsToken() {
        String externalId = "host-" + UUID.randomUUID();
        ApiClient.Response created = api.put("/api/integrations/users/" + externalId + "/quota",
                "Bearer " + INTEGRATION_TOKEN, ApiClient.json(Map.of("balance", 50)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        JsonNode me = api.get("/api/auth/me", hostToken(externalId, Map.of())).body();

        assertThat(me.get("id").asText()).isEqualTo(created.body().get("userId").asText());
    }

    @Test
    void aJwksIssuersClaimsBringItsCreditsOrganisationAndTrustedAdminRole() {
        String subject = UUID.randomUUID().toString();
        String admin = idpToken(subject, List.of("staff", "parley-admins"));

        JsonNode me = api.get("/api/auth/me", admin).body();
        String userId = me.get("id").asText();
        assertThat(me.get("roles").valueStream().map(JsonNode::asText)).contains("ADMIN");
        assertThat(api.get("/api/admin/users?size=1", admin).status()).isEqualTo(200);
        assertThat(AccountingStub.calls("PUT", "/internal/accounts/" + userId)).singleElement()
                .satisfies(call -> assertThat(call.body().get("startingBalance").asLong()).isEqualTo(500));
        assertThat(AccountingStub.calls("POST", "/internal/admin/accounts/" + userId + "/grants")).singleElement()
                .satisfies(call -> {
                    assertThat(call.body().get("amount").asLong()).isEqualTo(250);
                    assertThat(call.body().get("grantId").asText()).isEqualTo("sso-welcome:" + userId);
                });
        assertThat(AccountingStub.calls("PUT", "/internal/admin/accounts/" + userId + "/organisation"))
                .singleElement().satisfies(call -> assertThat(call.body().get("organisationId").asText())
                        .isEqualTo("acme"));

        String demoted = idpToken(subject, List.of("staff"));
        assertThat(api.get("/api/admin/users?size=1", demoted).status()).isEqualTo(403);
        assertThat(api.get("/api/auth/me", demoted).body().get("id").asText()).isEqualTo(userId);
    }

    @Test
    void forgedExpiredAndMisdirectedTokensAreRefused() {
        String subject = "host-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<String> refused = List.of(
                "Bearer " + OutsideTokens.hs256("another-secret-of-at-least-32-bytes!!", OutsideTokens.claims(
                        SSO_ISSUER, SSO_AUDIENCE, subject).build()),
                "Bearer " + OutsideTokens.hs256(SSO_SECRET, OutsideTokens.with(OutsideTokens.claims(SSO_ISSUER,
                        SSO_AUDIENCE, subject), claims -> claims.issueTime(Date.from(now.minusSeconds(900)))
                        .expirationTime(Date.from(now.minusSeconds(600))))),
                "Bearer " + OutsideTokens.hs256(SSO_SECRET, OutsideTokens.claims(SSO_ISSUER, "someone-else", subject)
                        .build()),
                "Bearer " + new PlainJWT(OutsideTokens.claims(SSO_ISSUER, SSO_AUDIENCE, subject).build()).serialize(),
                "Bearer " + OutsideTokens.rs256(OutsideTokens.rsaKey("idp-key-1"), OutsideTokens.claims(IDP_ISSUER,
                        "parley", subject).build()),
                "Bearer " + OutsideTokens.hs256(SSO_SECRET, OutsideTokens.claims("https://stranger.example",
                        SSO_AUDIENCE, subject).build()));

        for (String bearer : refused) {
            ApiClient.Response response = api.get("/api/auth/me", bearer);
            assertThat(response.status()).as(bearer).isEqualTo(401);
            assertThat(response.body().get("type").asText()).isEqualTo("urn:parley:problem:unauthorized");
        }
        assertThat(api.put("/api/integrations/users/" + subject + "/quota", "Bearer " + INTEGRATION_TOKEN,
                ApiClient.json(Map.of("balance", 1))).status()).as("no user was created").isEqualTo(201);
    }

    @Test
    void aDisabledOutsideUserIsRefused() {
        String externalId = "host-" + UUID.randomUUID();
        String bearer = hostToken(externalId, Map.of());
        String userId = api.get("/api/auth/me", bearer).body().get("id").asText();

        assertThat(api.post("/api/admin/users/" + userId + "/disable", admin().bearer(), "{}").status())
                .isEqualTo(200);

        assertThat(api.get("/api/auth/me", bearer).status()).isEqualTo(401);
    }

    private static String hostToken(String subject, Map<String, Object> claims) {
        return "Bearer " + OutsideTokens.hs256(SSO_SECRET, OutsideTokens.with(OutsideTokens.claims(SSO_ISSUER,
                SSO_AUDIENCE, subject), claims));
    }

    private static String idpToken(String subject, List<String> groups) {
        return "Bearer " + OutsideTokens.rs256(IDP_KEY, OutsideTokens.with(OutsideTokens.claims(IDP_ISSUER, "parley",
                subject), Map.of("org", "acme", "groups", groups)));
    }
}
