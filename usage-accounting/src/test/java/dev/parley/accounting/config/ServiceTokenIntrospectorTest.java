package dev.parley.accounting.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

class ServiceTokenIntrospectorTest {

    private final ServiceTokenIntrospector introspector = new ServiceTokenIntrospector("the-service-token");

    @Test
    void acceptsTheServiceToken() {
        assertThat(introspector.introspect("the-service-token").getAuthorities())
                .extracting(Object::toString).containsExactly(ServiceTokenIntrospector.SERVICE_AUTHORITY);
    }

    @Test
    void rejectsEveryOtherToken() {
        for (String token : new String[] {"", "the-service-toke", "the-service-token ", "THE-SERVICE-TOKEN"}) {
            assertThatExceptionOfType(BadOpaqueTokenException.class).isThrownBy(() -> introspector.introspect(token));
        }
    }

    @Test
    void theIntegrationTokenGetsItsOwnAuthority() {
        var both = new ServiceTokenIntrospector("the-service-token", "the-integration-token");

        assertThat(both.introspect("the-integration-token").getAuthorities())
                .extracting(Object::toString).containsExactly(ServiceTokenIntrospector.INTEGRATION_AUTHORITY);
        assertThat(both.introspect("the-service-token").getAuthorities())
                .extracting(Object::toString).containsExactly(ServiceTokenIntrospector.SERVICE_AUTHORITY);
    }

    @Test
    void withoutAnIntegrationTokenNoBlankTokenIsAccepted() {
        assertThatExceptionOfType(BadOpaqueTokenException.class).isThrownBy(() -> introspector.introspect(""));
    }

    @Test
    void refusesAnIntegrationTokenEqualToTheServiceToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceTokenIntrospector("same", "same"));
    }
}
