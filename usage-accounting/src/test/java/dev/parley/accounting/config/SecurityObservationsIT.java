package dev.parley.accounting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
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
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicBoolean recording = new AtomicBoolean(true);
        // a predicate is asked about every observation about to be created, enabled or not (and stays registered)
        observations.observationConfig().observationPredicate((name, context) -> {
            if (recording.get()) {
                created.add(name);
            }
            return true;
        });

        assertThat(new InternalHttp(port).get("/internal/accounts/" + newUserId()).statusCode()).isEqualTo(200);
        recording.set(false);

        assertThat(created).contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
