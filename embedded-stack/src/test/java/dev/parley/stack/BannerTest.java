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

        String banner = Banner.render(settings, infra, List.of(), List.of(ParleyService.values()), Duration.ofSeconds(42));

        assertThat(banner).contains("Parley is up (42 s)", "127.0.0.1:9092 (controller :9093)",
                "http://127.0.0.1:8090/apis/registry/v3", "mock, openai", "external, from MONGODB_URI",
                "/repo/.parley/logs", "not started (api-ingress is not built)", "Ctrl-C stops everything")
                .doesNotContain("sk-very-secret", "hunter2", "Web app");
    }

    @Test
    void pointsAtTheWebAppWhenTheApiRuns() {
        var settings = StackSettings.from(Map.of("INGRESS_PORT", "8280"), Map.of("parley.registry.dir", "/registry",
                "parley.services.dir", "/repo")::get);
        var infra = new Infrastructure("127.0.0.1:9092", "http://127.0.0.1:8090/apis/registry/v3",
                "mongodb://127.0.0.1:27017/parley");

        String banner = Banner.render(settings, infra, List.of(), List.of(), Duration.ofSeconds(5));

        assertThat(banner).contains("Web app", "http://localhost:8280/", "<service>.json.log");
    }
}
