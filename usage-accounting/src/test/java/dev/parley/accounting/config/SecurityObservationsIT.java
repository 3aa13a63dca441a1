package dev.parley.accounting.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.testing.ObservationNames;
import io.micrometer.observation.ObservationRegistry;

/**
 * An internal call creates the observations the HTTP metrics come from, and none of Spring Security's: its filter
 * chain is not wrapped in an observation per filter on every request.
 */
class SecurityObservationsIT extends IntegrationTest {

    @Autowired
    ObservationRegistry observations;

    @LocalServerPort
    int port;

    @Test
    void aCallIsObservedAsAnHttpRequestOnlyNotPerSecurityFilter() {
        var created = ObservationNames.createdDuring(observations, () -> assertThat(
                new InternalHttp(port).get("/internal/accounts/" + newUserId()).statusCode()).isEqualTo(200));

        assertThat(created).contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
