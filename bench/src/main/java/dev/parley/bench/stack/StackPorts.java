package dev.parley.bench.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports the bench gives the stack and the upstream: the environment's (the same variables as ./parley up),
 * else the README's defaults; {@code upstream} is the mock upstream's ({@code BENCH_UPSTREAM_PORT}, 8070).
 */
public record StackPorts(int ingress, int worker, int accounting, int registry, int kafka, int kafkaController,
        int mongo, int upstream) {

    public static StackPorts from(Map<String, String> env) {
        return new StackPorts(port(env, "INGRESS_PORT", 8080), port(env, "WORKER_PORT", 8081),
                port(env, "ACCOUNTING_PORT", 8082), port(env, "REGISTRY_PORT", 8090), port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093), port(env, "MONGO_PORT", 27017),
                port(env, "BENCH_UPSTREAM_PORT", 8070));
    }

    /** The variables ./parley up reads. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("INGRESS_PORT", Integer.toString(ingress));
        env.put("WORKER_PORT", Integer.toString(worker));
        env.put("ACCOUNTING_PORT", Integer.toString(accounting));
        env.put("REGISTRY_PORT", Integer.toString(registry));
        env.put("KAFKA_PORT", Integer.toString(kafka));
        env.put("KAFKA_CONTROLLER_PORT", Integer.toString(kafkaController));
        env.put("MONGO_PORT", Integer.toString(mongo));
        return env;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
