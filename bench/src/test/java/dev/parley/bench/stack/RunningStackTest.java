package dev.parley.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.bench.measure.MeasuredProcess;

class RunningStackTest {

    @TempDir
    Path home;

    @Test
    void readsTheLaunchersDescription() throws IOException {
        Path file = home.resolve("stack.properties");
        Files.writeString(file, """
                launcher.pid=100
                registry.pid=101
                mongo.uri=mongodb\\://127.0.0.1\\:27117/parley
                service.api-ingress.port=8180
                service.api-ingress.pid=102
                service.api-ingress-2.port=8183
                service.api-ingress-2.pid=103
                service.llm-worker.port=8181
                service.llm-worker.pid=104
                """);

        RunningStack stack = RunningStack.read(file);

        assertThat(stack.mongoUri()).isEqualTo("mongodb://127.0.0.1:27117/parley");
        assertThat(stack.ingresses()).extracting(RunningStack.Instance::baseUrl)
                .containsExactly("http://127.0.0.1:8180", "http://127.0.0.1:8183");
        assertThat(stack.processes()).contains(new MeasuredProcess("launcher (kafka+mongo)", 100),
                new MeasuredProcess("registry", 101), new MeasuredProcess("llm-worker", 104));
    }

    @Test
    void portsComeFromTheSameVariablesAsParleyUp() {
        StackPorts ports = StackPorts.from(Map.of("INGRESS_PORT", "8180", "BENCH_UPSTREAM_PORT", "8170"));

        assertThat(ports.ingress()).isEqualTo(8180);
        assertThat(ports.worker()).isEqualTo(8081);
        assertThat(ports.upstream()).isEqualTo(8170);
        assertThat(ports.environment()).containsEntry("INGRESS_PORT", "8180").containsEntry("MONGO_PORT", "27017");
    }
}
