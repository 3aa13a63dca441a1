package dev.parley.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ChatStreamKindsTest {

    static final TokenUsage USAGE = new TokenUsage(1L, 2L, 0L, 0L, UsageSource.ESTIMATED);

    @Test
    void namesEachPayload() {
        assertThat(ChatStreamKinds.of(new TokensGenerated("a"))).isEqualTo("delta");
        assertThat(ChatStreamKinds.of(new ChatCompleted("a", FinishReason.STOP, USAGE))).isEqualTo("completed");
        assertThat(ChatStreamKinds.of(new ChatFailed("x", "y", "", USAGE))).isEqualTo("failed");
        assertThatThrownBy(() -> ChatStreamKinds.of("text")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheDeltaHeaderValueIsADelta() {
        assertThat(ChatStreamKinds.isDelta(ChatStreamKinds.headerValue(new TokensGenerated("a")))).isTrue();
        assertThat(ChatStreamKinds.isDelta(ChatStreamKinds.headerValue(new ChatCompleted("a", FinishReason.STOP,
                USAGE)))).isFalse();
        assertThat(ChatStreamKinds.isDelta(null)).as("a record of an older producer").isFalse();
        assertThat(ChatStreamKinds.isDelta("Delta".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(ChatStreamKinds.isDelta(new byte[0])).isFalse();
    }
}
