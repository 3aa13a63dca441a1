package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.stack.ServiceEnvironment.Infrastructure;

class BannerTest {

    @Test
    void showsWhereThingsAreButNoKeyOrCredential() {
        var env = Map.of("OPENAI_API_KEY", "sk-very-secret", "MONGODB_URI", "mongodb://admin:hunter2@db:27017/parley");
        var settings = StackSettings.from(env, Map.of("parley.registry.dir", "/registry", "parley.services.dir",
                "/repo")::get);
        var infra = new Infrastructure("127.0.0.1:9092", "http://127.0.0.1:8090/apis/registry/v3",
                "mongodb://admin:hunter2@db:27017/parley");

        String banner = Banner.render(settings, infra, List.of(), List.of(ParleyService.values()), Duration.ofSeconds(42),
                "the-admin-token");

        assertThat(banner).contains("Parley is up (42 s)", "127.0.0.1:9092 (controller :9093)",
                "http://127.0.0.1:8090/apis/registry/v3", "mock, openai", "external, from MONGODB_URI",
                "/repo/.parley/logs", "not started (api-ingress is not built)", "Ctrl-C stops everything")
                .doesNotContain("sk-very-secret", "hunter2", "Web app")
                // nothing is started, so there is no api-ingress to redeem it on
                .doesNotContain("the-admin-token");
    }

    @Test
    void pointsAtTheWebAppWhenTheApiRuns() {
        var settings = StackSettings.from(Map.of("INGRESS_PORT", "8280"), Map.of("parley.registry.dir", "/registry",
                "parley.services.dir", "/repo")::get);
        var infra = new Infrastructure("127.0.0.1:9092", "http://127.0.0.1:8090/apis/registry/v3",
                "mongodb://127.0.0.1:27017/parley");

        String banner = Banner.render(settings, infra, List.of(), List.of(), Duration.ofSeconds(5), "the-admin-token");

        assertThat(banner).contains("Web app", "http://localhost:8280/", "<service>.json.log");
    }

    @Test
    void printsTheAdminBootstrapTokenAndWhereHealthAndMetricsAre() {
        var settings = StackSettings.from(Map.of("INGRESS_PORT", "8480"), Map.of("parley.registry.dir", "/registry",
                "parley.services.dir", "/repo")::get);
        var infra = new Infrastructure("127.0.0.1:9092", "http://127.0.0.1:8090/apis/registry/v3",
                "mongodb://127.0.0.1:27017/parley");

        String banner = Banner.render(settings, infra, List.of(), List.of(), Duration.ofSeconds(1), "the-admin-token");

        assertThat(banner).contains("POST /api/admin/bootstrap {\"token\":\"the-admin-token\"}",
                "/repo/.parley/secrets.properties", "/actuator/health, /actuator/prometheus on usage-accounting :9082, "
                        + "llm-worker :9081, api-ingress :9480");
    }
}
