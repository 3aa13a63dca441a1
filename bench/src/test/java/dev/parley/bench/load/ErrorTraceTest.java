package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import okhttp3.Request;

class ErrorTraceTest {

    private final Request request = new Request.Builder().url("http://127.0.0.1:1/v1/chat/completions")
            .header(ErrorTrace.REQUEST_ID, "bench-42").get().build();

    @Test
    void aFailedCallIsPrintedWithTheRequestIdItWasSentWith() {
        String printed = printed(new Outcome(Api.OPENAI, 0, 0, 31_000_000_000L, 0, "timeout first-token"));

        assertThat(printed).contains("timeout first-token", "OPENAI GET /v1/chat/completions",
                "X-Request-Id bench-42", "after 31000 ms");
    }

    @Test
    void aCallThatEndedWellOrThatTheBenchCancelledIsNotPrinted() {
        assertThat(printed(new Outcome(Api.NATIVE, 0, 5, 10, 20, null))).isEmpty();
        assertThat(printed(new Outcome(Api.NATIVE, 0, 5, 10, 20, "timeout run-ended"))).isEmpty();
    }

    @Test
    void eachCallGetsAnIdApiIngressAcceptsForItsLogs() {
        String id = ErrorTrace.newRequestId();

        assertThat(id).startsWith("bench-").matches("[A-Za-z0-9._:-]{1,64}").isNotEqualTo(ErrorTrace.newRequestId());
    }

    private String printed(Outcome outcome) {
        PrintStream console = System.out;
        var out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            ErrorTrace.report(outcome, request);
        } finally {
            System.setOut(console);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
