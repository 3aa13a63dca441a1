package dev.parley.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits until an HTTP endpoint answers 200, or fails early when the process behind it died. */
public final class HttpReadiness {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpReadiness() {
    }

    public static boolean isUp(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Returns normally once {@code url} answers 200; throws if {@code alive} turns false or time runs out. */
    public static void await(String what, String url, Duration timeout, BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isUp(url)) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready at " + url + " within " + timeout);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
