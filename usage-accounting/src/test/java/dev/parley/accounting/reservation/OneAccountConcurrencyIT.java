package dev.parley.accounting.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.accounting.IntegrationTest;
import dev.parley.accounting.InternalHttp;
import dev.parley.accounting.account.Account;
import dev.parley.accounting.account.AccountRepository;

/**
 * One busy account behaves like many: concurrent holds on one account are all admitted while its credits cover them
 * (no 429 that no configured bound calls for), none beyond them, and the user's bound is exact under the same load.
 */
class OneAccountConcurrencyIT extends IntegrationTest {

    /** mock-1 costs a credit a token: 250 holds of 50 credits ask for more than the 10,000 of the balance. */
    private static final int HOLDS = 250;
    private static final long AMOUNT = 50;

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;

    private InternalHttp http;

    @BeforeEach
    void http() {
        http = new InternalHttp(port);
    }

    @Test
    void concurrentHoldsOnOneAccountAreAllAdmittedWhileTheBalanceAllowsAndNoneBeyond() throws Exception {
        String user = newUserId();
        accounts.open(user);

        List<Integer> statuses = reserveAtOnce(user, 1_000_000);

        long covered = STARTING_BALANCE / AMOUNT;
        assertThat(statuses).filteredOn(status -> status == 201).hasSize((int) covered);
        assertThat(statuses).filteredOn(status -> status == 402).hasSize(HOLDS - (int) covered);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.reserved()).isEqualTo(STARTING_BALANCE);
        assertThat(account.available()).isZero();
        assertThat(account.balance()).isEqualTo(STARTING_BALANCE);
        assertThat(account.reservations()).hasSize((int) covered)
                .extracting(reservation -> reservation.reservationId()).doesNotHaveDuplicates();
        assertThat(account.active(user)).isEqualTo((int) covered);
    }

    @Test
    void concurrentHoldsOnOneAccountStopExactlyAtTheUsersBound() throws Exception {
        String user = newUserId();
        accounts.open(user);

        List<Integer> statuses = reserveAtOnce(user, 37);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(37);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(HOLDS - 37);
        Account account = accounts.find(user).orElseThrow();
        assertThat(account.reservations()).hasSize(37);
        assertThat(account.active(user)).isEqualTo(37);
        assertThat(account.reserved()).isEqualTo(37 * AMOUNT);
    }

    private List<Integer> reserveAtOnce(String user, int maxConcurrent) throws InterruptedException {
        List<Callable<HttpResponse<String>>> calls = IntStream.range(0, HOLDS)
                .<Callable<HttpResponse<String>>>mapToObj(i -> () -> http.post("/internal/reservations", """
                        {"reservationId":"%s","userId":"%s","model":"mock-1","estimatedInputTokens":%d,
                         "maxOutputTokens":0,"ownKey":false,"maxConcurrent":%d}"""
                        .formatted(UUID.randomUUID(), user, AMOUNT, maxConcurrent)))
                .toList();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            return threads.invokeAll(calls).stream().map(OneAccountConcurrencyIT::status).toList();
        }
    }

    private static int status(Future<HttpResponse<String>> response) {
        try {
            return response.get().statusCode();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
