package dev.parley.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** Stands in for a Spring Boot service in {@link ServiceProcessIT}: serves /actuator/health on server.port. */
final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String failure = System.getenv("FAKE_FAILURE");
        if (failure != null) {
            System.out.println("fatal: " + failure);
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.getInteger("server.port")), 0);
        HttpServer management = HttpServer.create(new InetSocketAddress(
                System.getProperty("management.server.address"), Integer.getInteger("management.server.port")), 0);
        management.createContext("/actuator/health", exchange -> {
            byte[] body = ("{\"status\":\"UP\",\"greeting\":\"" + System.getenv("FAKE_GREETING")
                    + "\",\"home\":\"" + System.getenv("HOME") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        management.start();
        System.out.println("fake service listening");
    }
}
