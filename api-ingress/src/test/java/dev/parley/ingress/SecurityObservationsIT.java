package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.testing.ObservationNames;
import io.micrometer.observation.ObservationRegistry;

/**
 * A request creates the observation the HTTP metrics come from, and none of Spring Security's: the filter chain is
 * not wrapped in an observation per filter on every request (config/SecurityConfig, noSecurityObservations).
 */
class SecurityObservationsIT extends IngressIntegrationTest {

    @Autowired
    ObservationRegistry observations;

    @Test
    void aRequestIsObservedAsAnHttpRequestOnlyNotPerSecurityFilter() {
        User user = signUp("observed");

        var created = ObservationNames.createdDuring(observations,
                () -> assertThat(api.get("/api/conversations", user.bearer()).status()).isEqualTo(200));

        assertThat(created).contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
