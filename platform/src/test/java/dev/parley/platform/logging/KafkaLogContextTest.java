package dev.parley.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.parley.events.CancelRequested;
import dev.parley.events.ChatStreamed;
import dev.parley.events.TokensGenerated;

/** The log context crosses Kafka in headers, and comes back into the consumer's MDC for one record only. */
class KafkaLogContextTest {

    final KafkaLogContextProducerInterceptor producer = new KafkaLogContextProducerInterceptor();
    final KafkaLogContextRecordInterceptor consumer = new KafkaLogContextRecordInterceptor();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theSendersContextTravelsAsHeadersWhereTheEventLacksItAndComesBackIntoTheMdc() {
        MDC.put(LogContext.REQUEST_ID, "req-1");
        MDC.put(LogContext.USER_ID, "user-7");
        MDC.put(LogContext.CONVERSATION_ID, "conv-3");
        ProducerRecord<Object, Object> sent = producer.onSend(new ProducerRecord<>("chat.control", "chat-9",
                cancel("chat-9", "user-7")));
        MDC.clear();

        assertThat(header(sent, "parley-request-id")).isEqualTo("req-1");
        assertThat(header(sent, "parley-conversation-id")).as("CancelRequested has no conversation").isEqualTo("conv-3");
        assertThat(sent.headers().lastHeader("parley-user-id")).as("the event names its user itself").isNull();
        assertThat(sent.headers().lastHeader("parley-chat-request-id")).isNull();

        var received = new ConsumerRecord<Object, Object>("chat.control", 0, 5, "chat-9", sent.value());
        sent.headers().forEach(h -> received.headers().add(h));
        consumer.intercept(received, null);
        assertThat(MDC.get(LogContext.REQUEST_ID)).isEqualTo("req-1");
        assertThat(MDC.get(LogContext.USER_ID)).isEqualTo("user-7");
        assertThat(MDC.get(LogContext.CONVERSATION_ID)).isEqualTo("conv-3");
        assertThat(MDC.get(LogContext.CHAT_REQUEST_ID)).isEqualTo("chat-9");

        consumer.afterRecord(received, null);
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void aRecordWithoutHeadersStillNamesItsRequestFromTheEvent() {
        var received = new ConsumerRecord<Object, Object>("chat.control", 0, 5, "chat-3", cancel("chat-3", "user-2"));

        consumer.intercept(received, null);

        assertThat(MDC.get(LogContext.CHAT_REQUEST_ID)).isEqualTo("chat-3");
        assertThat(MDC.get(LogContext.USER_ID)).isEqualTo("user-2");
        assertThat(MDC.get(LogContext.REQUEST_ID)).isNull();
    }

    @Test
    void tokenDeltasCarryNoHeaders() {
        MDC.put(LogContext.REQUEST_ID, "req-1");
        var delta = ChatStreamed.newBuilder().setRequestId("chat-1").setUserId("u").setConversationId("c")
                .setMessageId("m").setSequence(0).setEmittedAt(Instant.now())
                .setPayload(TokensGenerated.newBuilder().setText("Hel").build()).build();

        ProducerRecord<Object, Object> sent = producer.onSend(new ProducerRecord<>("chat.stream", "chat-1", delta));

        assertThat(sent.headers().toArray()).isEmpty();
    }

    @Test
    void existingHeadersWinAndOddValuesStayOut() {
        MDC.put(LogContext.REQUEST_ID, "bad value\nwith a newline");
        MDC.put(LogContext.USER_ID, "someone-else");
        var record = new ProducerRecord<Object, Object>("chat.control-dlt", "k", new byte[] {1, 2});
        record.headers().add("parley-user-id", "original".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<Object, Object> sent = producer.onSend(record);

        assertThat(header(sent, "parley-user-id")).isEqualTo("original");
        assertThat(sent.headers().headers("parley-user-id")).hasSize(1);
        assertThat(sent.headers().lastHeader("parley-request-id")).isNull();
    }

    private static CancelRequested cancel(String requestId, String userId) {
        return CancelRequested.newBuilder().setRequestId(requestId).setUserId(userId).setRequestedAt(Instant.now())
                .build();
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
