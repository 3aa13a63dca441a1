package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {

    @TempDir
    static Path dir;
    static Path jar;

    @BeforeAll
    static void packageFakeService() throws IOException {
        jar = dir.resolve("fake-service-exec.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest);
                InputStream classFile = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            jarOut.putNextEntry(new JarEntry(entry));
            classFile.transferTo(jarOut);
        }
    }

    @Test
    void theStackDescriptionNamesEachServiceJvmAndGoesAwayWhenTheStackStops() throws Exception {
        RunningStack running = new RunningStack();
        int port = Ports.free();
        ServiceProcess service = running.add(ServiceProcess.start("fake", jar, port, Map.of("FAKE_GREETING", "hi"),
                dir.resolve("logs/described.log")));
        service.awaitHealthy(Duration.ofSeconds(30));
        var infra = new ServiceEnvironment.Infrastructure("127.0.0.1:9092", "http://127.0.0.1:8090/apis/registry/v3",
                "mongodb://127.0.0.1:27017/parley");
        Path file = dir.resolve("stack.properties");

        running.describedBy(StackDescription.write(file, infra, true, running, List.of(service)));

        var properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        long jvm = ProcessSupervisor.jvmOf(service.processHandle()).pid();
        assertThat(ProcessHandle.of(jvm).flatMap(h -> h.info().command())).hasValueSatisfying(
                command -> assertThat(command).endsWith("java"));
        assertThat(properties).containsEntry("launcher.pid", Long.toString(ProcessHandle.current().pid()))
                .containsEntry("service.fake.port", Integer.toString(port))
                .containsEntry("service.fake.pid", Long.toString(jvm))
                .containsEntry("mongo.uri", "mongodb://127.0.0.1:27017/parley");
        running.stop();
        assertThat(file).doesNotExist();
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void startsTheJarOnItsPortWithItsEnvironmentAndStopsIt() throws Exception {
        assumeThat(System.getenv("HOME")).isNotNull();
        Map<String, String> env = new HashMap<>();
        env.put("FAKE_GREETING", "hello");
        env.put("HOME", null);
        ServiceProcess service = ServiceProcess.start("fake", jar, Ports.free(), env, dir.resolve("logs/fake.log"));
        try {
            service.awaitHealthy(Duration.ofSeconds(30));

            assertThat(get(service.healthUrl())).contains("\"greeting\":\"hello\"", "\"home\":\"null\"");
            assertThat(service.baseUrl()).isEqualTo("http://127.0.0.1:" + service.port());
            assertThat(service.healthUrl()).isEqualTo("http://127.0.0.1:" + service.managementPort()
                    + "/actuator/health");
            assertThat(service.metricsUrl()).isEqualTo("http://127.0.0.1:" + service.managementPort()
                    + "/actuator/prometheus");
            assertThat(service.managementPort()).isNotEqualTo(service.port());
            assertThat(Files.readString(service.logFile())).contains("fake starting at", "fake service listening");
        } finally {
            service.stop();
        }
        assertThat(service.isAlive()).isFalse();
        assertThat(PortCheck.isFree(service.port())).isTrue();
    }

    @Test
    void killLeavesNoProcessBehind() {
        ServiceProcess service = ServiceProcess.start("fake", jar, Ports.free(), Map.of(), dir.resolve("kill.log"));
        service.awaitHealthy(Duration.ofSeconds(30));
        ProcessHandle handle = service.processHandle();
        List<ProcessHandle> processes = Stream.concat(Stream.of(handle), handle.descendants()).toList();
        assertThat(processes).hasSizeGreaterThanOrEqualTo(2);

        service.kill();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(processes).noneMatch(ProcessHandle::isAlive);
            assertThat(service.isHealthy()).isFalse();
        });
    }

    @Test
    void failsEarlyWithTheLogTailWhenTheServiceExits() {
        ServiceProcess service = ServiceProcess.start("doomed", jar, Ports.free(),
                Map.of("FAKE_FAILURE", "no database"), dir.resolve("doomed.log"));

        assertThatThrownBy(() -> service.awaitHealthy(Duration.ofMinutes(2)))
                .hasMessageContaining("doomed exited before it was ready")
                .hasMessageContaining("fatal: no database");
    }

    @Test
    void refusesAJarThatIsNotBuilt() {
        assertThatThrownBy(() -> ServiceProcess.start("ghost", dir.resolve("missing.jar"), Ports.free(), Map.of(),
                dir.resolve("ghost.log")))
                .hasMessageContaining("ghost is not built");
    }

    private static String get(String url) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }
}
