package dev.parley.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.events.ChatRequested;

class ActuatorIT extends WorkerTestSupport {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void exposesHealthAndTheWorkersPrometheusMetrics() throws Exception {
        ChatRequested request = TestEvents.request("mock", "mock", 10, "Metrics please");
        publish(request);
        awaitTerminal(request);

        HttpResponse<String> health = get(managementPort, "/actuator/health");
        HttpResponse<String> prometheus = get(managementPort, "/actuator/prometheus");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("parley_worker_streams_active")
                .contains("parley_worker_requests_total{")
                .contains("outcome=\"completed\"")
                .contains("parley_worker_time_to_first_token_seconds_bucket")
                .contains("parley_worker_tokens_total{")
                .containsPattern("parley_worker_provider_queued\\{[^}]*provider=\"flaky-mock\"")
                .containsPattern("parley_worker_provider_running\\{[^}]*provider=\"flaky-mock\"");
        // nothing on the service port: the worker has no public HTTP
        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
