package dev.parley.accounting.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
}
