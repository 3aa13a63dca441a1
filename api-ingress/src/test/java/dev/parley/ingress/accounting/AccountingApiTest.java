package dev.parley.ingress.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Calls to usage-accounting beyond the bound wait for a free one instead of opening more connections. */
class AccountingApiTest {

    final MockWebServer accounting = new MockWebServer();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        accounting.close();
    }

    @Test
    void atMostTheBoundOfCallsIsInFlightAndTheOthersWaitTheirTurn() throws Exception {
        accounting.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                release.await(10, TimeUnit.SECONDS);
                inFlight.decrementAndGet();
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"ok\":true}").build();
            }
        });
        accounting.start();
        var api = new AccountingApi(RestClient.builder(), new AccountingProperties(
                URI.create(accounting.url("/").toString()), "token", Duration.ofSeconds(2), Duration.ofSeconds(20), 2));

        List<CompletableFuture<Object>> calls;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            calls = java.util.stream.IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> (Object) api.send(HttpMethod.POST, java.util.Map.of("i", i), java.util.Map.class,
                            uri -> uri.path("/internal/reservations").build()), threads)).toList();
            org.awaitility.Awaitility.await().until(() -> accounting.getRequestCount() >= 2);
            release.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        }

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isNotNull());
        assertThat(mostInFlight.get()).isEqualTo(2);
        assertThat(accounting.getRequestCount()).isEqualTo(6);
    }
}
