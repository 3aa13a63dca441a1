package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.parley.bench.report.BenchReport;
import dev.parley.bench.report.ProcessCost;
import dev.parley.bench.report.RunResult;
import dev.parley.bench.stack.StackPorts;
import dev.parley.stack.Ports;
import dev.parley.stack.ServiceProcess;

/**
 * The bench end to end on a handful of requests, so that it cannot rot: the real stack started by ./parley up (built
 * by this reactor), the mock upstream process, set-up, both APIs, the direct phase, every measurement and the report
 * files; and nothing left running afterwards.
 */
class BenchSmokeIT {

    @Test
    void aTinyProfileMeasuresEverythingAndStopsWhatItStarted() throws Exception {
        Path repo = Path.of(System.getProperty("parley.repo.dir")).toAbsolutePath();
        Path target = Path.of("target").toAbsolutePath();
        Path home = target.resolve("bench-smoke/home");
        Path output = target.resolve("bench-smoke/results");
        BenchOptions options = BenchOptions.parse(new String[] {"a", "--count", "6", "--duration", "60",
                "--warmup", "2", "--direct-duration", "2", "--deltas", "5", "--delay-ms", "2", "--name", "smoke",
                "--output", output.toString(), "--caveat", "smoke test", "--jit-warmup", "16"}, repo);

        // services compiled by C1 alone start sooner: this test is about the bench, not about the figures
        BenchReport report = new Bench(options, repo, home, freePorts(),
                Map.of("PARLEY_JAVA_OPTS", "-D" + ServiceProcess.QUICK_START + "=true")).run();

        assertThat(report.runs()).hasSize(1);
        RunResult run = report.runs().getFirst();
        assertThat(run.parley().requests()).isEqualTo(6);
        assertThat(run.parley().errors()).isEmpty();
        assertThat(run.parley().ttft()).containsKeys("all", "native", "openai");
        assertThat(run.direct().completed()).isPositive();
        assertThat(run.addedTtft()).containsKey("all");
        assertThat(run.processes()).extracting(ProcessCost::name).contains("launcher (kafka+mongo)", "registry",
                "api-ingress", "llm-worker", "usage-accounting", "upstream", "load generator");
        assertThat(run.processes()).allMatch(p -> p.rssMb() > 0);
        assertThat(run.mongoCommandsPerRequest("api-ingress")).isPositive();
        assertThat(run.debitLag().samples()).isPositive();
        assertThat(output.resolve("smoke/results.json")).isNotEmptyFile();
        assertThat(output.resolve("smoke/ttft-a.png")).isNotEmptyFile();
        assertThat(output.resolve("smoke/results.md")).content().contains("of it JIT compiling s",
                "The idle machine before the stack started: a loopback TCP round trip");
        assertThat(output.resolve("latest.md")).content().contains("| a | 1 |");
        assertThat(home.resolve("stack.properties")).doesNotExist();
        assertThat(Files.readString(home.resolve("logs/bench-stack.log"))).contains("Parley stopped.");
    }

    private static StackPorts freePorts() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : new String[] {"INGRESS_PORT", "WORKER_PORT", "ACCOUNTING_PORT", "REGISTRY_PORT",
                "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "BENCH_UPSTREAM_PORT"}) {
            env.put(name, Integer.toString(Ports.free()));
        }
        return StackPorts.from(env);
    }
}
