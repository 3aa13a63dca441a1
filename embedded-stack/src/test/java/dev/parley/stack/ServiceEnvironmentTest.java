package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.stack.ServiceEnvironment.Infrastructure;

class ServiceEnvironmentTest {

    private static final Infrastructure INFRA = new Infrastructure("127.0.0.1:9092",
            "http://127.0.0.1:8090/apis/registry/v3", "mongodb://127.0.0.1:27017/parley");
    private static final StackSecrets SECRETS = new StackSecrets("service-token", "jwt-secret", "v1:storage",
            "v1:transport");
    private static final Map<String, String> PROPERTIES = Map.of("parley.registry.dir", "/registry");

    @Test
    void ingressGetsMongoAccountingAndBothSecrets() {
        var env = ServiceEnvironment.of(ParleyService.API_INGRESS, INFRA,
                StackSettings.from(Map.of("ACCOUNTING_PORT", "18082"), PROPERTIES::get), SECRETS);

        assertThat(env).containsEntry("INGRESS_PORT", "8080")
                .containsEntry("INGRESS_MANAGEMENT_PORT", "9080")
                .containsEntry("PARLEY_REGISTRATIONS_PER_HOUR", "10000")
                .containsEntry("PARLEY_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("REGISTRY_URL", "http://127.0.0.1:8090/apis/registry/v3")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017/parley")
                .containsEntry("ACCOUNTING_URL", "http://127.0.0.1:18082")
                .containsEntry("PARLEY_SERVICE_TOKEN", "service-token")
                .containsEntry("PARLEY_JWT_SECRET", "jwt-secret")
                .containsEntry("PARLEY_KEY_ENCRYPTION_KEYS", "v1:storage")
                .containsEntry("PARLEY_TRANSPORT_KEYS", "v1:transport")
                .containsEntry("OPENAI_API_KEY", null);
    }

    @Test
    void ingressAndWorkerMayCallLoopbackUnlessTheOperatorSaysOtherwise() {
        var defaults = StackSettings.from(Map.of(), PROPERTIES::get);
        var operator = StackSettings.from(Map.of("PARLEY_OUTBOUND_ALLOWED_NETWORKS", "10.1.0.0/16"), PROPERTIES::get);

        assertThat(ServiceEnvironment.of(ParleyService.API_INGRESS, INFRA, defaults, SECRETS))
                .containsEntry("PARLEY_OUTBOUND_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128");
        assertThat(ServiceEnvironment.of(ParleyService.LLM_WORKER, INFRA, operator, SECRETS))
                .containsEntry("PARLEY_OUTBOUND_ALLOWED_NETWORKS", "10.1.0.0/16");
        assertThat(ServiceEnvironment.of(ParleyService.USAGE_ACCOUNTING, INFRA, defaults, SECRETS))
                .doesNotContainKey("PARLEY_OUTBOUND_ALLOWED_NETWORKS");
    }

    @Test
    void workerGetsProviderKeysButNoSecretOfTheStack() {
        var settings = StackSettings.from(Map.of("OPENAI_API_KEY", "sk-test"), PROPERTIES::get);

        var env = ServiceEnvironment.of(ParleyService.LLM_WORKER, INFRA, settings, SECRETS);

        assertThat(env).containsEntry("WORKER_PORT", "8081")
                .containsEntry("WORKER_MANAGEMENT_PORT", "9081")
                .containsEntry("PARLEY_ADMIN_TOKEN", null)
                .containsEntry("OPENAI_API_KEY", "sk-test")
                .containsEntry("PARLEY_OPENAI_ENABLED", "true")
                .containsEntry("PARLEY_OPENROUTER_ENABLED", "false")
                .containsEntry("PARLEY_JWT_SECRET", null)
                .containsEntry("PARLEY_SERVICE_TOKEN", null)
                .containsEntry("PARLEY_TRANSPORT_KEYS", "v1:transport")
                .containsEntry("PARLEY_KEY_ENCRYPTION_KEYS", null)
                .containsEntry("OPENROUTER_API_KEY", null)
                .doesNotContainKey("MONGODB_URI");
    }

    @Test
    void accountingGetsTheServiceTokenAndTheStartingBalance() {
        var settings = StackSettings.from(Map.of("PARLEY_STARTING_BALANCE", "5000"), PROPERTIES::get);

        var env = ServiceEnvironment.of(ParleyService.USAGE_ACCOUNTING, INFRA, settings, SECRETS);

        assertThat(env).containsEntry("ACCOUNTING_PORT", "8082")
                .containsEntry("PARLEY_SERVICE_TOKEN", "service-token")
                .containsEntry("PARLEY_STARTING_BALANCE", "5000")
                .containsEntry("PARLEY_JWT_SECRET", null)
                .containsEntry("PARLEY_KEY_ENCRYPTION_KEYS", null)
                .containsEntry("PARLEY_TRANSPORT_KEYS", null)
                .containsEntry("OPENAI_API_KEY", null);
    }

    @Test
    void anExplicitFlagSwitchesAProviderOffDespiteItsKey() {
        var settings = StackSettings.from(Map.of("OPENROUTER_API_KEY", "or-key", "PARLEY_OPENROUTER_ENABLED", "false"),
                PROPERTIES::get);

        assertThat(Providers.enabledNames(settings)).containsExactly("mock");
        assertThat(Providers.enabledNames(StackSettings.from(Map.of("OPENROUTER_API_KEY", "or-key"), PROPERTIES::get)))
                .containsExactly("mock", "openrouter");
    }
}
