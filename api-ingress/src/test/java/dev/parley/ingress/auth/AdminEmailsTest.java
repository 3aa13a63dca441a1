package dev.parley.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class AdminEmailsTest {

    @Test
    void matchesConfiguredEmailsIgnoringCaseAndSpaces() {
        var admins = new AdminEmails(List.of(" Root@Parley.test", "ops@parley.test", ""));

        assertThat(admins.contains("root@parley.test")).isTrue();
        assertThat(admins.contains("OPS@parley.test ")).isTrue();
        assertThat(admins.contains("someone@parley.test")).isFalse();
        assertThat(admins.contains("")).isFalse();
        assertThat(admins.contains(null)).isFalse();
    }

    @Test
    void noConfigurationMeansNoAdmins() {
        assertThat(new AdminEmails(List.of()).contains("root@parley.test")).isFalse();
        assertThat(new AdminEmails(Arrays.asList((String) null)).contains("root@parley.test")).isFalse();
    }
}
