package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so what it promises is checked on the file itself: Kafka
 * takes only SASL/SCRAM users with ACLs, each service authenticates as its own user, health and metrics are on the
 * management ports and not published, and ops/kafka-acls.sh lets only llm-worker write usage.recorded.
 */
class ComposeFileTest {

    static final Path REPOSITORY = Path.of("..");

    @Test
    @SuppressWarnings("unchecked")
    void kafkaAuthenticatesEveryClientAndAuthorizesEveryAction() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> kafka = environment(services, "kafka");

        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString()).doesNotContain(":PLAINTEXT");
        assertThat(kafka).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin;User:controller");
        for (String service : List.of("api-ingress", "llm-worker", "usage-accounting")) {
            Map<String, Object> env = environment(services, service);
            assertThat(env).as(service).containsEntry("KAFKA_USERNAME", service);
            assertThat(env.get("KAFKA_PASSWORD").toString()).as(service).startsWith("${PARLEY_KAFKA_");
        }
        assertThat(compose().get("x-service-environment").toString()).contains("KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthAndMetricsAreOnUnpublishedManagementPorts() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, String> ports = Map.of("api-ingress", "9080", "llm-worker", "9081", "usage-accounting", "9082");
        ports.forEach((service, port) -> {
            Map<String, Object> definition = (Map<String, Object>) services.get(service);
            assertThat(definition.get("healthcheck").toString()).as(service).contains("localhost:" + port + "/actuator/health");
            assertThat(String.valueOf(definition.get("ports"))).as(service).doesNotContain(port);
        });
        String prometheus = Files.readString(REPOSITORY.resolve("ops/prometheus.yml"));
        assertThat(prometheus).contains("port: 9080", "port: 9081", "port: 9082").doesNotContain("port: 8080");
    }

    @Test
    void onlyTheWorkerMayWriteUsageAndAnswers() throws IOException {
        String script = Files.readString(REPOSITORY.resolve("ops/kafka-acls.sh"));
        Matcher writes = Pattern.compile("(?m)^writes (\\S+) (.+)$").matcher(script);
        Map<String, String> byUser = new java.util.HashMap<>();
        while (writes.find()) {
            byUser.put(writes.group(1), writes.group(2));
        }

        assertThat(byUser).containsOnlyKeys("api-ingress", "llm-worker", "usage-accounting");
        assertThat(byUser.get("llm-worker").split(" ")).contains("usage.recorded", "chat.stream");
        assertThat(byUser.get("api-ingress").split(" ")).doesNotContain("usage.recorded", "chat.stream")
                .contains("chat.requests");
        assertThat(byUser.get("usage-accounting").split(" ")).doesNotContain("usage.recorded", "chat.stream");
        // prices are money too: only the catalog writes them
        assertThat(byUser.get("api-ingress").split(" ")).contains("catalog.prices");
        assertThat(byUser.get("llm-worker").split(" ")).doesNotContain("catalog.prices");
        assertThat(byUser.get("usage-accounting").split(" ")).doesNotContain("catalog.prices");
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> services, String name) {
        return (Map<String, Object>) ((Map<String, Object>) services.get(name)).get("environment");
    }
}
