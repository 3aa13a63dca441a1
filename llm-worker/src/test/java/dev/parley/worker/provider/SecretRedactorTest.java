package dev.parley.worker.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void removesTheExactSecret() {
        assertThat(SecretRedactor.redact("key my-custom-secret-value was refused", "my-custom-secret-value"))
                .isEqualTo("key [redacted] was refused");
    }

    @Test
    void removesBearerCredentialsAndKeyLookingTokens() {
        assertThat(SecretRedactor.redact("sent Authorization: Bearer abc.def.ghi", null))
                .isEqualTo("sent Authorization: Bearer [redacted]");
        assertThat(SecretRedactor.redact("Incorrect API key provided: sk-proj-AbCdEf123456789.", ""))
                .isEqualTo("Incorrect API key provided: [redacted].");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(SecretRedactor.redact("Rate limit reached for gpt-4o-mini", "sk-x")).isEqualTo(
                "Rate limit reached for gpt-4o-mini");
        assertThat(SecretRedactor.redact(null, "sk-x")).isEmpty();
    }
}
