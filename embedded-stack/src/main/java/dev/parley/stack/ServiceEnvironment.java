package dev.parley.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each service is started with on top of the launcher's own environment, which children inherit (see
 * docs/architecture.md, "Ports and environment"). Each secret reaches only the service that uses it: the
 * others get it removed ({@code null}), even when it is in the launcher's environment.
 */
final class ServiceEnvironment {

    /** Where the infrastructure listens; {@code mongoUri} includes the database name. */
    record Infrastructure(String bootstrapServers, String registryUrl, String mongoUri) {
    }

    static final String STARTING_BALANCE = "PARLEY_STARTING_BALANCE";
    static final String LOG_DIR = "PARLEY_LOG_DIR";
    static final String OUTBOUND_ALLOWED_NETWORKS = "PARLEY_OUTBOUND_ALLOWED_NETWORKS";
    static final String REGISTRATIONS_PER_HOUR = "PARLEY_REGISTRATIONS_PER_HOUR";
    static final String WEBHOOK_ALLOWED_NETWORKS = "PARLEY_WEBHOOK_ALLOWED_NETWORKS";
    static final String LOCAL_REGISTRATIONS = "10000";
    // a developer's own machine: local model servers and webhook receivers listen on loopback
    static final String LOOPBACK = "127.0.0.0/8,::1/128";

    private static final List<String> SECRETS = List.of(StackSecrets.SERVICE_TOKEN, StackSecrets.JWT_SECRET,
            StackSecrets.INTEGRATION_TOKEN, StackSecrets.ADMIN_TOKEN, StackSecrets.KEY_ENCRYPTION_KEYS, StackSecrets.TRANSPORT_KEYS,
            "OPENAI_API_KEY", "OPENROUTER_API_KEY", "ANTHROPIC_API_KEY",
            "GROQ_API_KEY", "TOGETHER_API_KEY", "HF_TOKEN", "VLLM_API_KEY", "CUSTOM_OPENAI_API_KEY");

    private ServiceEnvironment() {
    }

    static Map<String, String> of(ParleyService service, Infrastructure infra, StackSettings settings,
            StackSecrets secrets) {
        return of(service, infra, settings, secrets, null, null);
    }

    /**
     * Variables to set; a {@code null} value removes the inherited variable (see {@link ServiceProcess}).
     *
     * @param integrationToken outside systems' token, for api-ingress and usage-accounting; null: none
     * @param adminToken the one-time admin bootstrap token, for api-ingress; null: none
     */
    static Map<String, String> of(ParleyService service, Infrastructure infra, StackSettings settings,
            StackSecrets secrets, String integrationToken, String adminToken) {
        Map<String, String> env = new LinkedHashMap<>();
        SECRETS.forEach(secret -> env.put(secret, null));
        env.put(service.portVariable(), Integer.toString(settings.port(service.portVariable())));
        env.put(service.managementPortVariable(), Integer.toString(settings.port(service.managementPortVariable())));
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("REGISTRY_URL", infra.registryUrl());
        // JSON log files, rolled, beside the console output the launcher keeps in <service>.log
        env.put(LOG_DIR, settings.envValue(LOG_DIR).orElse(settings.logs().toAbsolutePath().toString()));
        Providers.KEYED.forEach(p -> env.put(p.enabledVariable(), Boolean.toString(Providers.enabled(p, settings))));
        if (service != ParleyService.USAGE_ACCOUNTING) {
            env.put(OUTBOUND_ALLOWED_NETWORKS, settings.envValue(OUTBOUND_ALLOWED_NETWORKS).orElse(LOOPBACK));
        }
        switch (service) {
            case API_INGRESS -> {
                env.put("MONGODB_URI", infra.mongoUri());
                env.put("ACCOUNTING_URL", "http://127.0.0.1:" + settings.port(StackSettings.ACCOUNTING_PORT));
                env.put(StackSecrets.SERVICE_TOKEN, secrets.serviceToken());
                env.put(StackSecrets.JWT_SECRET, secrets.jwtSecret());
                env.put(StackSecrets.INTEGRATION_TOKEN, integrationToken);
                env.put(StackSecrets.KEY_ENCRYPTION_KEYS, secrets.keyEncryptionKeys());
                env.put(StackSecrets.TRANSPORT_KEYS, secrets.transportKeys());
                env.put(StackSecrets.ADMIN_TOKEN, adminToken);
                env.put(WEBHOOK_ALLOWED_NETWORKS, settings.envValue(WEBHOOK_ALLOWED_NETWORKS).orElse(LOOPBACK));
                // every local client (the web app, scripts, a load generator) signs up from 127.0.0.1
                env.put(REGISTRATIONS_PER_HOUR, settings.envValue(REGISTRATIONS_PER_HOUR).orElse(LOCAL_REGISTRATIONS));
                settings.envValue(STARTING_BALANCE).ifPresent(balance -> env.put(STARTING_BALANCE, balance));
            }
            case LLM_WORKER -> {
                Providers.KEYED.forEach(p -> settings.envValue(p.keyVariable())
                        .ifPresent(key -> env.put(p.keyVariable(), key)));
                env.put(StackSecrets.TRANSPORT_KEYS, secrets.transportKeys());
            }
            case USAGE_ACCOUNTING -> {
                env.put("MONGODB_URI", infra.mongoUri());
                env.put(StackSecrets.SERVICE_TOKEN, secrets.serviceToken());
                env.put(StackSecrets.INTEGRATION_TOKEN, integrationToken);
                settings.envValue(STARTING_BALANCE).ifPresent(balance -> env.put(STARTING_BALANCE, balance));
            }
        }
        return env;
    }
}
