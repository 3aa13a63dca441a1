package dev.parley.ingress.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;

import dev.parley.ingress.web.ApiProblem;
import dev.parley.ingress.web.ProblemKind;

class LoginThrottleTest {

    static final LimitProperties LIMITS = new LimitProperties(5, 20, Duration.ofMinutes(15), 60,
            DataSize.ofMegabytes(1), DataSize.ofMegabytes(11), DataSize.ofMegabytes(8));

    final ManualTime time = new ManualTime();
    final LoginThrottle throttle = new LoginThrottle(LIMITS, time);

    @Test
    void theSixthAttemptAfterFiveFailuresForAnEmailIsRefusedWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            throttle.check("ann@example.com", "10.0.0." + i);
            throttle.failed("ann@example.com", "10.0.0." + i);
        }

        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> throttle.check("ANN@example.com ", "10.0.0.99"));

        assertThat(refused.kind()).isEqualTo(ProblemKind.RATE_LIMITED);
        // five per fifteen minutes refill one every three minutes
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("180");
        assertThatCode(() -> throttle.check("bob@example.com", "10.0.0.99")).doesNotThrowAnyException();
    }

    @Test
    void anEmailMayTryAgainOnceTheBucketRefilled() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("ann@example.com", "10.0.0.1");
        }
        time.advance(Duration.ofMinutes(3));

        assertThatCode(() -> throttle.check("ann@example.com", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void anAddressIsRefusedAfterTwentyFailuresWhateverTheEmail() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.1");
        }

        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> throttle.check("new@example.com", "10.0.0.1"));

        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThatCode(() -> throttle.check("new@example.com", "10.0.0.2")).doesNotThrowAnyException();
    }
}
