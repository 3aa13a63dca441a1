package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamEventsTest {

    @Test
    void openAiChunksCountTheFirstNonEmptyContentAndTheReportedUsage() {
        StreamEvents events = new StreamEvents(false);

        events.onEvent(null, null, null, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
        assertThat(events.firstTokenNanos()).isZero();
        events.onEvent(null, null, null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}");
        long first = events.firstTokenNanos();
        events.onEvent(null, null, null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"}}]}");
        events.onEvent(null, null, null, "{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":7}}");
        events.onEvent(null, null, null, "[DONE]");

        assertThat(first).isPositive();
        assertThat(events.firstTokenNanos()).isEqualTo(first);
        assertThat(events.tokens()).isEqualTo(7);
        assertThat(events.error()).isNull();
    }

    @Test
    void nativeEventsEndWithDoneAndCountItsUsage() {
        StreamEvents events = new StreamEvents(true);

        events.onEvent(null, "0", "delta", "{\"text\":\"This\"}");
        events.onEvent(null, "1", "delta", "{\"text\":\" is\"}");
        events.onEvent(null, "2", "done", "{\"finishReason\":\"STOP\",\"usage\":{\"inputTokens\":3,\"outputTokens\":20}}");

        assertThat(events.firstTokenNanos()).isPositive();
        assertThat(events.tokens()).isEqualTo(20);
        assertThat(events.error()).isNull();
    }

    @Test
    void errorsAndCutStreamsAreNamed() {
        StreamEvents nativeError = new StreamEvents(true);
        nativeError.onEvent(null, "0", "error", "{\"code\":\"provider_unavailable\",\"message\":\"down\"}");
        StreamEvents openAiError = new StreamEvents(false);
        openAiError.onEvent(null, null, null, "{\"error\":{\"message\":\"x\",\"type\":\"server_error\",\"code\":\"upstream_failed\"}}");
        StreamEvents cut = new StreamEvents(false);
        cut.onEvent(null, null, null, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}");

        assertThat(nativeError.error()).isEqualTo("sse-error provider_unavailable");
        assertThat(openAiError.error()).isEqualTo("sse-error upstream_failed");
        assertThat(cut.error()).isEqualTo("sse-error incomplete");
        assertThat(cut.tokens()).isEqualTo(1);
    }

    @Test
    void httpErrorsNameTheProblemType() {
        assertThat(ErrorKinds.http(503, "{\"type\":\"urn:parley:problem:unavailable\",\"status\":503}"))
                .isEqualTo("http 503 urn:parley:problem:unavailable");
        assertThat(ErrorKinds.http(401, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"))
                .isEqualTo("http 401 invalid_api_key");
        assertThat(ErrorKinds.http(502, "<html>bad gateway</html>")).isEqualTo("http 502");
    }

    @Test
    void failedCallsAreTimeoutsOrIoErrors() {
        assertThat(ErrorKinds.io(new java.net.SocketTimeoutException("timeout"), false, false))
                .isEqualTo("timeout first-token");
        assertThat(ErrorKinds.io(new java.io.InterruptedIOException("timeout"), true, false)).isEqualTo("timeout stream");
        assertThat(ErrorKinds.io(new java.net.ConnectException("refused"), false, false)).isEqualTo("io ConnectException");
        assertThat(ErrorKinds.io(new java.io.IOException("Canceled"), true, true)).isEqualTo("timeout run-ended");
    }
}
