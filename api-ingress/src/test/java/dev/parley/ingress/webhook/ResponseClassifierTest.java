package dev.parley.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.parley.ingress.webhook.AttemptResult.Verdict;
import dev.parley.platform.outbound.GuardedHttp;
import dev.parley.platform.outbound.OutboundAddressPolicy;
import okhttp3.OkHttpClient;
import okhttp3.Request;

class ResponseClassifierTest {

    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void twoHundredsAreDelivered(int status) {
        AttemptResult result = ResponseClassifier.answered(status, null, null, NOW);

        assertThat(result.verdict()).isEqualTo(Verdict.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(status);
        assertThat(result.error()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void notNowStatusesAreRetried(int status) {
        AttemptResult result = ResponseClassifier.answered(status, "120", "busy", NOW);

        assertThat(result.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(result.error()).isEqualTo("HTTP " + status + ": busy");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 422})
    void otherClientErrorsFailAtOnce(int status) {
        AttemptResult result = ResponseClassifier.answered(status, null, "no such hook", NOW);

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.error()).isEqualTo("HTTP " + status + ": no such hook");
    }

    @Test
    void redirectsFailBecauseTheyAreNotFollowed() {
        AttemptResult result = ResponseClassifier.answered(302, null, "<html>moved</html>", NOW);

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.error()).isEqualTo("HTTP 302: redirects are not followed");
    }

    @Test
    void networkFailuresAndTimeoutsAreRetried() {
        assertThat(ResponseClassifier.unanswered(new SocketTimeoutException("timeout")))
                .isEqualTo(new AttemptResult(Verdict.RETRY, null, null, "timeout: timeout"));
        AttemptResult refusedConnection = ResponseClassifier.unanswered(new ConnectException("Connection refused"));
        assertThat(refusedConnection.verdict()).isEqualTo(Verdict.RETRY);
        assertThat(refusedConnection.error()).isEqualTo("network error: Connection refused");
    }

    @Test
    void anAddressTheGuardRefusesFailsAtOnce() {
        OkHttpClient guarded = GuardedHttp.guard(new OkHttpClient.Builder(), OutboundAddressPolicy.strict()).build();
        Throwable refusal = catchThrowable(() -> guarded.newCall(new Request.Builder().url("http://127.0.0.1:9/hook")
                .build()).execute().close());
        assertThat(refusal).isInstanceOf(GuardedHttp.RefusedAddressException.class);

        AttemptResult result = ResponseClassifier.unanswered((IOException) refusal);

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.error()).startsWith("address refused: ").contains("127.0.0.1");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(ResponseClassifier.retryAfter("30", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ResponseClassifier.retryAfter("Sat, 10 Jan 2026 12:05:00 GMT", NOW))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(ResponseClassifier.retryAfter("Sat, 10 Jan 2026 11:00:00 GMT", NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter("soon", NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter("-5", NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter(null, NOW)).isNull();
    }

    @Test
    void snippetsAreOneShortLine() {
        assertThat(ResponseClassifier.snippet("line one\r\n\tline two ")).isEqualTo("line one line two");
        assertThat(ResponseClassifier.snippet("x".repeat(500))).hasSize(ResponseClassifier.SNIPPET_CHARS + 1)
                .endsWith("…");
    }
}
