package dev.parley.ingress.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import dev.parley.events.ChatStreamKinds;

/** Deltas labelled by their header are skipped undecoded; everything else goes to the Avro decoder. */
class TerminalEventDeserializerTest {

    // not configured: any attempt to decode fails, which is how these tests see whether it decoded
    final TerminalEventDeserializer deserializer = new TerminalEventDeserializer();
    final byte[] notAvro = "not avro".getBytes(StandardCharsets.UTF_8);

    @Test
    void aLabelledDeltaIsNullWithoutDecoding() {
        assertThat(deserializer.deserialize("chat.stream", headers(ChatStreamKinds.DELTA), notAvro)).isNull();
    }

    @Test
    void terminalEventsUnlabelledRecordsAndUnknownKindsAreDecoded() {
        for (var headers : new RecordHeaders[] {headers(ChatStreamKinds.COMPLETED), headers(ChatStreamKinds.FAILED),
                new RecordHeaders(), headers("something-new")}) {
            assertThatThrownBy(() -> deserializer.deserialize("chat.stream", headers, notAvro))
                    .as("decoded: %s", headers).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void theListenerIsConfiguredWithIt() {
        assertThat(ChatStreamPersistenceListener.DESERIALIZER)
                .endsWith("=" + TerminalEventDeserializer.class.getName());
    }

    private static RecordHeaders headers(String kind) {
        var headers = new RecordHeaders();
        headers.add(ChatStreamKinds.HEADER, kind.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
