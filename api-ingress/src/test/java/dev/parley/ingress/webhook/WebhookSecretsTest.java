package dev.parley.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.parley.platform.crypto.KeyRing;

class WebhookSecretsTest {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    final Map<String, WebhookSecretDocument> stored = new HashMap<>();
    final WebhookSecretRepository repository = mock(WebhookSecretRepository.class);
    final WebhookSecrets secrets = new WebhookSecrets(repository, new WebhookKeyProperties(KeyRing.generate(1)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void storeInAMap() {
        given(repository.save(any())).willAnswer(call -> {
            WebhookSecretDocument document = call.getArgument(0);
            stored.put(document.id(), document);
            return document;
        });
        given(repository.findById(any())).willAnswer(call -> Optional.ofNullable(stored.get(call.getArgument(0))));
        given(repository.existsById(any())).willAnswer(call -> stored.containsKey(call.<String>getArgument(0)));
    }

    @Test
    void aCreatedSecretIsStoredSealedAndOpensForSigning() {
        CreatedWebhookSecretResponse created = secrets.create("u1");

        assertThat(created.secret()).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(new String(stored.get("u1").ciphertext(), StandardCharsets.ISO_8859_1))
                .doesNotContain(created.secret().substring(6));
        assertThat(secrets.signingSecret("u1")).contains(created.secret());
        assertThat(secrets.exists("u1")).isTrue();
        assertThat(secrets.describe("u1")).isEqualTo(new WebhookSecretResponse(true, NOW));
    }

    @Test
    void rotatingReplacesTheSecret() {
        String first = secrets.create("u1").secret();
        String second = secrets.create("u1").secret();

        assertThat(second).isNotEqualTo(first);
        assertThat(secrets.signingSecret("u1")).contains(second);
    }

    @Test
    void aUserWithoutOneHasNone() {
        assertThat(secrets.exists("u2")).isFalse();
        assertThat(secrets.describe("u2")).isEqualTo(new WebhookSecretResponse(false, null));
        assertThat(secrets.signingSecret("u2")).isEmpty();
    }

    @Test
    void aSealedSecretCopiedToAnotherUserDoesNotOpen() {
        secrets.create("u1");
        WebhookSecretDocument own = stored.get("u1");
        stored.put("u2", new WebhookSecretDocument("u2", own.keyVersion(), own.iv(), own.ciphertext(), NOW));

        assertThatThrownBy(() -> secrets.signingSecret("u2")).isInstanceOf(KeyRing.CryptoException.class);
    }
}
