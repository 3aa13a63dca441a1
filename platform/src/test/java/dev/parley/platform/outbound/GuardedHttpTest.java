package dev.parley.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuardedHttpTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusesLoopbackByNameAndByLiteral() {
        OkHttpClient client = GuardedHttp.guard(new OkHttpClient.Builder(), OutboundAddressPolicy.strict()).build();

        assertThatThrownBy(() -> call(client, "http://localhost:" + server.getPort() + "/"))
                .isInstanceOf(GuardedHttp.RefusedAddressException.class);
        assertThatThrownBy(() -> call(client, "http://127.0.0.1:" + server.getPort() + "/"))
                .isInstanceOf(GuardedHttp.RefusedAddressException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void callsAnAllowedNetworkWithoutFollowingRedirects() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "http://169.254.169.254/").build());
        OkHttpClient client = GuardedHttp.guard(new OkHttpClient.Builder(),
                new OutboundAddressPolicy(List.of("127.0.0.0/8", "::1"))).build();

        assertThat(call(client, server.url("/hook").toString())).isEqualTo(302);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static int call(OkHttpClient client, String url) throws Exception {
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.code();
        }
    }
}
