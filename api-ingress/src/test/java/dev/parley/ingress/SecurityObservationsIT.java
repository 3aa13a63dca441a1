package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
        List<String> created = new CopyOnWriteArrayList<>();
        AtomicBoolean recording = new AtomicBoolean(true);
        // a predicate is asked about every observation about to be created, enabled or not (and stays registered)
        observations.observationConfig().observationPredicate((name, context) -> {
            if (recording.get()) {
                created.add(name);
            }
            return true;
        });

        assertThat(api.get("/api/conversations", user.bearer()).status()).isEqualTo(200);
        recording.set(false);

        assertThat(created).contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
