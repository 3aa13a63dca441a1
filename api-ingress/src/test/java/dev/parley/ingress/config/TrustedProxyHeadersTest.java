package dev.parley.ingress.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real Jetty connector on loopback, with the customizer as api-ingress installs it. */
class TrustedProxyHeadersTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;

    @AfterEach
    void stop() throws Exception {
        client.close();
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aProxyOnAnInternalAddressNamesTheClientAsTomcatsRemoteIpValveDid() throws Exception {
        start(List.of("127.0.0.0/8", "10.0.0.0/8"));
        // the rightmost entry that is not itself an internal proxy: what a client wrote to the left is not believed
        assertThat(seen("X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.1.2.3")).isEqualTo("203.0.113.7 http false");
        // every hop internal: the leftmost
        assertThat(seen("X-Forwarded-For", "10.9.9.9, 10.1.2.3")).isEqualTo("10.9.9.9 http false");
        // a name is never an internal proxy (and is never looked up)
        assertThat(seen("X-Forwarded-For", "203.0.113.7, localhost")).isEqualTo("localhost http false");
        assertThat(seen("X-Forwarded-For", "2001:db8::1")).isEqualTo("2001:db8::1 http false");
    }

    @Test
    void aProxyOnAnInternalAddressSetsSchemeAndHost() throws Exception {
        start(List.of("127.0.0.0/8"));
        assertThat(seen("X-Forwarded-Proto", "https")).isEqualTo("127.0.0.1 https true");
        assertThat(seen("X-Forwarded-Proto", "https, http")).isEqualTo("127.0.0.1 http false");
        assertThat(get("X-Forwarded-Proto", "https", "X-Forwarded-Host", "chat.example.com:9999"))
                .isEqualTo("127.0.0.1 https true chat.example.com:443");
        assertThat(get("X-Forwarded-Proto", "https", "X-Forwarded-Port", "8443"))
                .startsWith("127.0.0.1 https true").endsWith(":8443");
    }

    @Test
    void aConnectionFromElsewhereSetsNothing() throws Exception {
        start(List.of("10.0.0.0/8"));
        assertThat(seen("X-Forwarded-For", "203.0.113.7")).isEqualTo("127.0.0.1 http false");
        assertThat(seen("X-Forwarded-Proto", "https")).isEqualTo("127.0.0.1 http false");
    }

    private String seen(String header, String value) throws Exception {
        String answer = get(header, value);
        return answer.substring(0, answer.lastIndexOf(' '));
    }

    private String get(String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/")).headers(headers).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private void start(List<String> internalProxies) throws Exception {
        server = new Server();
        var http = new HttpConfiguration();
        http.addCustomizer(new TrustedProxyHeaders(internalProxies));
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, org.eclipse.jetty.server.Response response,
                    org.eclipse.jetty.util.Callback callback) {
                String answer = Request.getRemoteAddr(request) + " " + request.getHttpURI().getScheme() + " "
                        + request.isSecure() + " " + Request.getServerName(request) + ":" + Request.getServerPort(request);
                Content.Sink.write(response, true, answer, callback);
                return true;
            }
        });
        server.start();
    }
}
