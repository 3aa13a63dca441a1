package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every endpoint that accepts a body, fed broken, mistyped, hostile and oversized bodies by a caller who may use it
 * (an admin; the integration token on /api/integrations): never a 5xx, and every refusal under /api a problem
 * document. (Endpoints that read no body, or an optional one, may answer 2xx.)
 */
class MalformedBodiesIT extends IngressIntegrationTest {

    static final List<String> BODIES = List.of(
            "{\"content\": ",                                   // cut short
            "[1, 2, 3]",                                        // not an object
            "\"just a string\"",
            "{\"content\": {\"nested\": true}, \"name\": [], \"email\": 5, \"password\": {}, \"balance\": \"lots\"}",
            "{\"content\": \"x\", \"maxTokens\": 99999999999999999999999, \"temperature\": \"hot\"}",
            "{\"content\": \"\\u0000\\ud800\", \"model\": \"" + "m".repeat(5000) + "\"}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", // deep nesting
            "null",
            "");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String admin;

    @BeforeAll
    void signInTheAdmin() {
        admin = admin().bearer();
    }

    @Test
    void noBodyMakesAnyEndpointFailWithAServerError() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String endpoint : bodyEndpoints()) {
            String[] methodAndPath = endpoint.split(" ", 2);
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", "0123456789abcdef01234567");
            for (String body : BODIES) {
                HttpResponse<String> answer = send(methodAndPath[0], path, body);
                boolean problem = !path.startsWith("/api/")
                        || answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                if (answer.statusCode() >= 500 || answer.statusCode() >= 400 && !problem) {
                    failures.add(endpoint + " <- " + abbreviate(body) + " -> " + answer.statusCode() + " "
                            + abbreviate(answer.body()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anOversizedBodyIsA413OnEveryEndpoint() throws Exception {
        for (String endpoint : bodyEndpoints()) {
            String[] methodAndPath = endpoint.split(" ", 2);
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", "0123456789abcdef01234567");
            int size = limitOf(path) + 100_000;
            if (path.endsWith("/attachments")) {
                // uploads take multipart only (JSON is a 415): a file over the limit
                assertThat(api.upload(path, admin, "big.txt", "text/plain", new byte[size]).status()).as(endpoint)
                        .isEqualTo(413);
                continue;
            }
            String huge = "{\"content\":\"" + "x".repeat(size) + "\"}";
            assertThat(send(methodAndPath[0], path, huge).statusCode()).as(endpoint).isEqualTo(413);
        }
    }

    /** The body limits of the defaults: 1 MB, /v1's completions 8 MB (images as data URLs), uploads 11 MB. */
    private static int limitOf(String path) {
        if (path.startsWith("/api/conversations/") && path.endsWith("/attachments")) {
            return 11 * 1024 * 1024;
        }
        return path.equals("/v1/chat/completions") ? 8 * 1024 * 1024 : 1024 * 1024;
    }

    private Set<String> bodyEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH).contains(method)
                            && !pattern.getPatternString().startsWith("${")) {
                        endpoints.add(method + " " + pattern.getPatternString());
                    }
                }
            }
        });
        assertThat(endpoints).hasSizeGreaterThan(20);
        return endpoints;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        String bearer = path.startsWith("/api/integrations/") ? "Bearer " + INTEGRATION_TOKEN : admin;
        return api.http().send(HttpRequest.newBuilder(api.uri(path)).header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
