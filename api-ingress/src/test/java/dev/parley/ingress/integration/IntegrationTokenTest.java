package dev.parley.ingress.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntegrationTokenTest {

    @Test
    void acceptsExactlyTheConfiguredToken() {
        var token = new IntegrationToken("s3cret-integration-token");

        assertThat(token.matches("s3cret-integration-token")).isTrue();
        assertThat(token.matches("s3cret-integration-tokeN")).isFalse();
        assertThat(token.matches("s3cret")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void blankConfigurationRefusesEveryone() {
        assertThat(new IntegrationToken("").matches("")).isFalse();
        assertThat(new IntegrationToken(null).matches("anything")).isFalse();
        assertThat(new IntegrationToken("  ").matches("  ")).isFalse();
    }

    @Test
    void neverShowsTheToken() {
        assertThat(new IntegrationToken("s3cret").toString()).doesNotContain("s3cret");
        assertThat(new IntegrationProperties("s3cret").toString()).doesNotContain("s3cret");
    }
}
