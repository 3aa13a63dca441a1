package dev.parley.ingress.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import dev.parley.platform.problem.ApiProblem;
import dev.parley.platform.problem.ProblemKind;

class LoginThrottleTest {

    static final LimitProperties LIMITS = new LimitProperties(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(1),
            Duration.ofMinutes(15), 60, DataSize.ofMegabytes(1), DataSize.ofMegabytes(11), DataSize.ofMegabytes(8));

    final ManualTime time = new ManualTime();
    final LoginThrottle throttle = new LoginThrottle(LIMITS, time);

    @Test
    void fiveAttemptsOfAnAccountFromOneAddressPassThenEachWaitsLongerThanTheLast() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("ann@example.com", "10.0.0.1");
        }

        assertThat(refusal("ANN@example.com ", "10.0.0.1")).isEqualTo("1");
        time.advance(Duration.ofSeconds(1));
        throttle.attempt("ann@example.com", "10.0.0.1");
        assertThat(refusal("ann@example.com", "10.0.0.1")).isEqualTo("2");
        time.advance(Duration.ofSeconds(2));
        throttle.attempt("ann@example.com", "10.0.0.1");
        assertThat(refusal("ann@example.com", "10.0.0.1")).isEqualTo("4");
    }

    @Test
    void theOwnerFromAnotherAddressIsNeverRefusedBecauseOfAnAttackersGuesses() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("ann@example.com", "198.51.100.7");
        }
        for (int i = 0; i < 100; i++) {
            catchThrowableOfType(ApiProblem.class, () -> throttle.attempt("ann@example.com", "198.51.100.7"));
        }

        assertThatCode(() -> throttle.attempt("ann@example.com", "10.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> throttle.attempt("bob@example.com", "198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void parallelAttemptsAreCountedBeforeTheyAreCheckedSoOnlyTheAllowancePasses() throws Exception {
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            attempts.add(() -> {
                try {
                    throttle.attempt("ann@example.com", "10.0.0.1");
                    return true;
                } catch (ApiProblem refused) {
                    return false;
                }
            });
        }
        int passed = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
                passed += outcome.get() ? 1 : 0;
            }
        }

        assertThat(passed).isEqualTo(5);
    }

    @Test
    void aRightPasswordClearsTheCountOfItsAccountAndAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.attempt("ann@example.com", "10.0.0.1");
        }
        throttle.attempt("ann@example.com", "10.0.0.1");
        throttle.succeeded("ann@example.com", "10.0.0.1");

        for (int i = 0; i < 5; i++) {
            throttle.attempt("ann@example.com", "10.0.0.1");
        }
    }

    @Test
    void anAddressTryingManyAccountsIsSlowedDownAfterTwentyFailures() {
        for (int i = 0; i < 20; i++) {
            throttle.attempt("user" + i + "@example.com", "10.0.0.1");
        }

        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> throttle.attempt("new@example.com", "10.0.0.1"));

        assertThat(refused.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
        assertThatCode(() -> throttle.attempt("new@example.com", "10.0.0.2")).doesNotThrowAnyException();
        // the refused attempt was not counted against the account and address either
        time.advance(Duration.ofSeconds(1));
        throttle.attempt("new@example.com", "10.0.0.1");
    }

    @Test
    void successesFromAnAddressDoNotCountAgainstIt() {
        for (int i = 0; i < 50; i++) {
            throttle.attempt("user" + i + "@example.com", "10.0.0.1");
            throttle.succeeded("user" + i + "@example.com", "10.0.0.1");
        }

        assertThatCode(() -> throttle.attempt("new@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void aCountNobodyAddedToForAWindowStartsOver() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("ann@example.com", "10.0.0.1");
        }
        time.advance(Duration.ofMinutes(16));

        for (int i = 0; i < 5; i++) {
            throttle.attempt("ann@example.com", "10.0.0.1");
        }
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        AttemptCounter counter = new AttemptCounter(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofMinutes(15), time);

        assertThat(counter.delayAfter(4)).isZero();
        assertThat(Duration.ofNanos(counter.delayAfter(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(counter.delayAfter(14))).isEqualTo(Duration.ofSeconds(512));
        assertThat(Duration.ofNanos(counter.delayAfter(15))).isEqualTo(Duration.ofMinutes(15));
        assertThat(Duration.ofNanos(counter.delayAfter(1_000_000))).isEqualTo(Duration.ofMinutes(15));
    }

    private String refusal(String account, String address) {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> throttle.attempt(account, address));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
        return refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    }
}
