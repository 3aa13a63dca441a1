package dev.parley.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /**
     * The JDK's HttpClient sends a body apart from its headers; refused before it arrived, the request must still
     * leave its kept-alive connection usable (a later request on it was once answered by an EOF).
     */
    @Test
    void aRefusedRequestWhoseBodyArrivesAfterTheAnswerKeepsItsConnection() throws Exception {
        assertRefusalKeepsTheConnection("/api/conversations", "", 401);
        assertRefusalKeepsTheConnection("/api/providers", "Authorization: " + signUp("late").bearer() + "\r\n", 403);
    }

    private void assertRefusalKeepsTheConnection(String path, String extraHeaders, int refusal) throws IOException {
        URI uri = api.uri(path);
        byte[] body = "{\"name\": \"sent-late\", \"kind\": \"mock\"}".getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n" + extraHeaders
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readStatusAndSkipResponse(in)).isEqualTo(refusal);
            out.write(body);
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            assertThat(readStatusAndSkipResponse(in)).as("the next request on the connection").isEqualTo(refusal);
        }
    }

    /** Reads one HTTP/1.1 response (a Content-Length or a chunked body) and returns its status. */
    private static int readStatusAndSkipResponse(DataInputStream in) throws IOException {
        int status = Integer.parseInt(readLine(in).split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            String header = line.toLowerCase(Locale.ROOT);
            if (header.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            }
            chunked |= header.startsWith("transfer-encoding:") && header.contains("chunked");
        }
        if (!chunked) {
            in.skipNBytes(length);
            return status;
        }
        for (long chunk = Long.parseLong(readLine(in).trim(), 16); chunk > 0;
                chunk = Long.parseLong(readLine(in).trim(), 16)) {
            in.skipNBytes(chunk + 2);
        }
        readLine(in);
        return status;
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed after: " + line);
            }
            line.append((char) c);
        }
        return line.toString().strip();
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
