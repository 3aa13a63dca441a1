package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Every metric the Grafana dashboard (ops/grafana/dashboards/parley.json) and the Prometheus alert rules
 * (ops/prometheus-alerts.yml) query exists in the services' /actuator/prometheus, after real traffic: a dashboard
 * panel or an alert on a misspelt metric shows nothing and never fires, which nobody notices until it matters.
 */
class OpsMetricsIT {

    static final Path OPS = Path.of("..", "ops");
    /** Metrics Prometheus itself provides, not the services. */
    static final Set<String> FROM_PROMETHEUS = Set.of("up");

    static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan");
    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static RunningSystem system;

    @BeforeAll
    static void startAndMakeTraffic() throws Exception {
        system = RunningSystem.start();
        ApiClient user = signUp();
        String conversation = user.post("/api/conversations", Map.of()).json().get("id").asString();
        for (String model : List.of("mock-1", "mock-error")) {
            JsonNode accepted = user.post("/api/conversations/" + conversation + "/messages",
                    Map.of("content", "Metrics please", "model", model, "maxTokens", 20)).json();
            user.stream(accepted.get("streamUrl").asString(), null, e -> !e.name().equals("delta"));
        }
        // a refused message, so that refusals are counted
        assertThat(user.post("/api/conversations/" + conversation + "/messages",
                Map.of("content", "x", "model", "no-such-model")).status()).isEqualTo(400);
        long before = user.get("/api/me/usage").json().get("debitedCredits").asLong();
        assertThat(before).isGreaterThanOrEqualTo(0);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> user.get("/api/me/usage").json().get("debitedCredits").asLong() > 0);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExported() throws Exception {
        Set<String> queried = new TreeSet<>();
        dashboardExpressions().forEach(expr -> queried.addAll(metricNames(expr)));
        ruleExpressions().forEach(expr -> queried.addAll(metricNames(expr)));
        assertThat(queried).as("the dashboard and rules were read").hasSizeGreaterThan(15);

        Set<String> exported = new TreeSet<>();
        for (var service : List.of(system.ingress, system.worker, system.accounting)) {
            exported.addAll(exportedNames(service.metricsUrl()));
        }
        List<String> missing = queried.stream()
                .filter(metric -> !FROM_PROMETHEUS.contains(metric) && !exported.contains(metric)).toList();
        assertThat(missing).as("metrics queried by ops/ but exported by no service").isEmpty();
    }

    @Test
    void theMetricNameParserSeesThroughFunctionsLabelsAndGrouping() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le, provider) (rate(a_seconds_bucket{x=\"y z\"}"
                + "[$__rate_interval]))) / on(job) group_left b_total > 0.1 and deriv(max(c_max)[10m:1m]) > 0"))
                .containsExactlyInAnyOrder("a_seconds_bucket", "b_total", "c_max");
    }

    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String token = matcher.group();
            int next = matcher.end();
            while (next < stripped.length() && stripped.charAt(next) == ' ') {
                next++;
            }
            boolean function = next < stripped.length() && stripped.charAt(next) == '(';
            boolean number = matcher.start() > 0 && Character.isDigit(stripped.charAt(matcher.start() - 1));
            if (!function && !number && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    private static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (var files = Files.list(OPS.resolve("grafana").resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode panel : ApiClient.JSON.readTree(Files.readString(file)).get("panels")) {
                    JsonNode targets = panel.get("targets");
                    if (targets != null) {
                        targets.forEach(target -> expressions.add(target.get("expr").asString()));
                    }
                }
            }
        }
        return expressions;
    }

    /** The {@code expr} of every rule: one line, or a block scalar ({@code expr: |}) indented below it. */
    private static List<String> ruleExpressions() throws IOException {
        List<String> lines = Files.readAllLines(OPS.resolve("prometheus-alerts.yml"));
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("expr:")) {
                continue;
            }
            String value = line.substring("expr:".length()).strip();
            if (!value.equals("|")) {
                expressions.add(value);
                continue;
            }
            int indent = lines.get(i).indexOf("expr:");
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                    || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                block.append(lines.get(++i).strip()).append(' ');
            }
            expressions.add(block.toString());
        }
        return expressions;
    }

    private static Set<String> exportedNames(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        for (String line : response.body().split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                Matcher matcher = IDENTIFIER.matcher(line);
                if (matcher.lookingAt()) {
                    names.add(matcher.group());
                }
            }
        }
        return names;
    }

    private static ApiClient signUp() {
        String email = "metrics-" + java.util.UUID.randomUUID() + "@example.com";
        ApiClient anonymous = system.api();
        anonymous.post("/api/auth/register", Map.of("email", email, "password", "metrics password"));
        return anonymous.as(anonymous.post("/api/auth/login", Map.of("email", email, "password", "metrics password"))
                .json().get("accessToken").asString());
    }
}
