package dev.parley.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.parley.bench.measure.MeasuredProcess;
import dev.parley.bench.upstream.MockUpstreamMain;
import dev.parley.bench.upstream.StreamShape;
import dev.parley.stack.ProcessSupervisor;

/** The mock upstream in its own JVM (so its CPU is measured apart), driven over its {@code /bench/*} endpoints. */
public final class UpstreamProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private UpstreamProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static UpstreamProcess start(int port, Path log) {
        List<String> command = List.of(ProcessSupervisor.javaExecutable(), "-Xms64m", "-Xmx512m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MockUpstreamMain.class.getName(),
                Integer.toString(port));
        Process process = ProcessSupervisor.start(command, log.getParent(), log, Map.of());
        UpstreamProcess upstream = new UpstreamProcess(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (upstream.get("/bench/stats") == null) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                ProcessSupervisor.stop(process);
                throw new IllegalStateException("the mock upstream did not start on port " + port + ":\n"
                        + ProcessSupervisor.tail(log, 20));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return upstream;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public MeasuredProcess measured() {
        return new MeasuredProcess("upstream", ProcessSupervisor.jvmOf(process.toHandle()).pid());
    }

    public void shape(StreamShape shape) {
        String body = "{\"deltas\":%d,\"delayMillis\":%d,\"firstTokenDelayMillis\":%d}".formatted(shape.deltas(),
                shape.delayMillis(), shape.firstTokenDelayMillis());
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/bench/shape")).timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            if (HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
                throw new IllegalStateException("the upstream refused the shape " + shape);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the upstream did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Streams in progress right now, or -1 when it does not answer. */
    public long activeStreams() {
        String stats = get("/bench/stats");
        if (stats == null) {
            return -1;
        }
        return Long.parseLong(stats.replaceAll(".*\"active\":(\\d+).*", "$1").strip());
    }

    private String get(String path) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).GET()
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        ProcessSupervisor.stop(process);
    }
}
