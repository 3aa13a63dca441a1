package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Map<String, String> PROPERTIES = Map.of(
            "parley.services.dir", "/repo", "parley.registry.dir", "/repo/.parley/apicurio-registry-3.3.3");

    @Test
    void usesTheDocumentedDefaults() {
        StackSettings settings = StackSettings.from(Map.of(), PROPERTIES::get);

        assertThat(settings.ports()).containsExactly(
                Map.entry("KAFKA_PORT", 9092), Map.entry("KAFKA_CONTROLLER_PORT", 9093),
                Map.entry("REGISTRY_PORT", 8090), Map.entry("MONGO_PORT", 27017),
                Map.entry("INGRESS_PORT", 8080), Map.entry("WORKER_PORT", 8081), Map.entry("ACCOUNTING_PORT", 8082),
                Map.entry("INGRESS_MANAGEMENT_PORT", 9080), Map.entry("WORKER_MANAGEMENT_PORT", 9081),
                Map.entry("ACCOUNTING_MANAGEMENT_PORT", 9082));
        assertThat(settings.home()).isEqualTo(Path.of("/repo/.parley"));
        assertThat(settings.logs()).isEqualTo(Path.of("/repo/.parley/logs"));
        assertThat(settings.externalMongoUri()).isEmpty();
        assertThat(settings.allowMissingServices()).isFalse();
    }

    @Test
    void environmentOverridesPortsHomeAndMongo() {
        var env = Map.of("INGRESS_PORT", "18080", "PARLEY_HOME", "/data/parley",
                "MONGODB_URI", "mongodb://db:27017/parley");

        StackSettings settings = StackSettings.from(env, PROPERTIES::get);

        assertThat(settings.port("INGRESS_PORT")).isEqualTo(18080);
        // health and metrics follow their service's port unless set
        assertThat(settings.port("INGRESS_MANAGEMENT_PORT")).isEqualTo(19080);
        assertThat(StackSettings.from(Map.of("WORKER_MANAGEMENT_PORT", "7001"), PROPERTIES::get)
                .port("WORKER_MANAGEMENT_PORT")).isEqualTo(7001);
        assertThat(settings.home()).isEqualTo(Path.of("/data/parley"));
        assertThat(settings.externalMongoUri()).contains("mongodb://db:27017/parley");
    }

    @Test
    void rejectsAPortThatIsNotANumberNamingTheVariable() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("KAFKA_PORT", "90x2"), PROPERTIES::get))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("KAFKA_PORT=90x2 is not a port number");
    }

    @Test
    void needsTheRegistryDirectory() {
        assertThatThrownBy(() -> StackSettings.from(Map.of(), name -> null))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("parley.registry.dir");
    }

    @Test
    void runsOneInstanceOfEachServiceByDefault() {
        StackSettings settings = StackSettings.from(Map.of(), PROPERTIES::get);

        assertThat(settings.instancePorts(ParleyService.API_INGRESS)).containsExactly(8080);
        assertThat(settings.instancePorts(ParleyService.LLM_WORKER)).containsExactly(8081);
        assertThat(settings.instancePorts(ParleyService.USAGE_ACCOUNTING)).containsExactly(8082);
    }

    @Test
    void extraInstancesCountUpSkippingEveryConfiguredPort() {
        var env = Map.of("PARLEY_INGRESS_INSTANCES", "3", "PARLEY_WORKER_INSTANCES", "2");

        StackSettings settings = StackSettings.from(env, PROPERTIES::get);

        assertThat(settings.instancePorts(ParleyService.API_INGRESS)).containsExactly(8080, 8083, 8084);
        assertThat(settings.instancePorts(ParleyService.LLM_WORKER)).containsExactly(8081, 8085);
    }

    @Test
    void rejectsANumberOfInstancesOutOfRange() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("PARLEY_WORKER_INSTANCES", "0"), PROPERTIES::get))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("PARLEY_WORKER_INSTANCES=0 is not a number of instances (1-16)");
    }
}
