package dev.parley.stack;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The summary printed once everything is healthy. Shows ports and paths, never a secret or a key, with one
 * deliberate exception: the one-time admin bootstrap token, which the operator needs to make the first admin (it
 * is spent once redeemed).
 */
final class Banner {

    private Banner() {
    }

    static String render(StackSettings settings, ServiceEnvironment.Infrastructure infra,
            List<ServiceProcess> services, Collection<ParleyService> skipped, Duration took, String adminToken) {
        StringBuilder text = new StringBuilder("%nParley is up (%d s).%n%n".formatted(took.toSeconds()));
        line(text, "API", api(settings, skipped));
        if (!skipped.contains(ParleyService.API_INGRESS)) {
            line(text, "Web app", "http://localhost:" + settings.instancePorts(ParleyService.API_INGRESS).getFirst()
                    + "/");
        }
        line(text, "Services", services(services, skipped));
        line(text, "Health, metrics", management(settings, skipped));
        if (adminToken != null && !skipped.contains(ParleyService.API_INGRESS)) {
            line(text, "First admin", "sign in, then POST /api/admin/bootstrap {\"token\":\"" + adminToken
                    + "\"} (one-time; PARLEY_ADMIN_TOKEN in " + settings.home().resolve("secrets.properties") + ")");
        }
        line(text, "Kafka", "%s (controller :%d)".formatted(infra.bootstrapServers(),
                settings.port(StackSettings.KAFKA_CONTROLLER_PORT)));
        line(text, "Schema registry", infra.registryUrl());
        line(text, "MongoDB", settings.externalMongoUri().isPresent() ? "external, from MONGODB_URI"
                : infra.mongoUri() + " (embedded)");
        line(text, "Providers", String.join(", ", Providers.enabledNames(settings)));
        line(text, "Data", settings.home().toString());
        line(text, "Logs", settings.logs() + " (stack.log, registry.log, <service>.log; JSON lines in "
                + "<service>.json.log)");
        return text.append("%nCtrl-C stops everything.%n".formatted()).toString();
    }

    private static String api(StackSettings settings, Collection<ParleyService> skipped) {
        if (skipped.contains(ParleyService.API_INGRESS)) {
            return "not started (api-ingress is not built)";
        }
        return settings.instancePorts(ParleyService.API_INGRESS).stream().map(port -> "http://localhost:" + port)
                .collect(Collectors.joining(", "));
    }

    /** Each service's health and metrics, on its management port (loopback only), never on its own port. */
    private static String management(StackSettings settings, Collection<ParleyService> skipped) {
        String ports = Arrays.stream(ParleyService.values()).filter(s -> !skipped.contains(s))
                .map(s -> s.module() + " :" + settings.port(s.managementPortVariable()))
                .collect(Collectors.joining(", "));
        return ports.isEmpty() ? "none" : "http://127.0.0.1:<port>/actuator/health, /actuator/prometheus on " + ports;
    }

    private static String services(List<ServiceProcess> services, Collection<ParleyService> skipped) {
        String started = services.isEmpty() ? "none"
                : services.stream().map(s -> s.name() + " :" + s.port()).collect(Collectors.joining(", "));
        if (skipped.isEmpty()) {
            return started;
        }
        return started + " (not built, not started: "
                + skipped.stream().map(ParleyService::module).collect(Collectors.joining(", ")) + ")";
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append("  %-16s %s%n".formatted(label, value));
    }
}
