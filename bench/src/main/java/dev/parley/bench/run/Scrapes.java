package dev.parley.bench.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.bench.measure.PrometheusText;
import dev.parley.bench.measure.PrometheusText.Sample;
import dev.parley.bench.stack.RunningStack.Instance;

/**
 * Scrapes every service instance's Prometheus endpoint: the one place that knows where metrics are served (move it
 * here when management endpoints move to their own port).
 */
final class Scrapes {

    static final String PATH = "/actuator/prometheus";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Scrapes() {
    }

    /** Samples per instance name; an instance that does not answer has none. */
    static Map<String, List<Sample>> all(List<Instance> instances) {
        Map<String, List<Sample>> scrapes = new LinkedHashMap<>();
        instances.parallelStream().forEach(instance -> {
            List<Sample> samples = scrape(instance.managementUrl() + PATH);
            synchronized (scrapes) {
                scrapes.put(instance.name(), samples);
            }
        });
        return scrapes;
    }

    static List<Sample> scrape(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? PrometheusText.parse(response.body()) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** {@code api-ingress-2} belongs to service {@code api-ingress}. */
    static String service(String instance) {
        return instance.replaceAll("-\\d+$", "");
    }
}
