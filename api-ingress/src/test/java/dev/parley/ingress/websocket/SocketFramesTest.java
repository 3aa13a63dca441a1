package dev.parley.ingress.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.ingress.stream.StreamData;
import dev.parley.ingress.stream.StreamEvent;

class SocketFramesTest {

    final SocketFrames frames = new SocketFrames(JsonMapper.builder().build());

    @Test
    void framesCarryTheSseEventNameIdAndData() {
        assertThat(frames.event(new StreamEvent(4, new StreamData.Delta("Hi"))).getPayload())
                .isEqualTo("{\"type\":\"delta\",\"id\":4,\"text\":\"Hi\"}");
        assertThat(frames.event(new StreamEvent(5, new StreamData.Failure("upstream", "Boom"))).getPayload())
                .isEqualTo("{\"type\":\"error\",\"id\":5,\"code\":\"upstream\",\"message\":\"Boom\"}");
        assertThat(frames.event(new StreamEvent(6, new StreamData.Done("m1", "STOP", "Hi", null))).getPayload())
                .startsWith("{\"type\":\"done\",\"id\":6,\"messageId\":\"m1\",\"finishReason\":\"STOP\"");
        assertThat(frames.reset(3, "a2").getPayload()).isEqualTo("{\"type\":\"reset\",\"id\":3,\"attemptId\":\"a2\"}");
    }

    @Test
    void subscribeFramesAreValidatedAndMalformedJsonFails() {
        SubscribeFrame frame = frames.subscribe(
                "{\"type\":\"subscribe\",\"conversationId\":\"c\",\"messageId\":\"m\",\"lastEventId\":7}");
        assertThat(frame.valid()).isTrue();
        assertThat(frame.resumeAfter()).isEqualTo(7);
        assertThat(frames.subscribe("{\"type\":\"subscribe\",\"conversationId\":\"c\"}").valid()).isFalse();
        assertThat(frames.subscribe("{\"type\":\"subscribe\",\"conversationId\":\"c\",\"messageId\":\"m\"}")
                .resumeAfter()).isEqualTo(-1);
        assertThatThrownBy(() -> frames.subscribe("{nope")).isInstanceOf(JacksonException.class);
    }
}
