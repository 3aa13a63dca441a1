package dev.parley.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.parley.events.ChatRequested;
import dev.parley.events.Topics;

/** How requests are taken in: poison records, concurrency, back-pressure and commits. */
class IntakeIT extends WorkerTestSupport {

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        byte[] garbage = "\u0000\u0000\u0000\u0000\u0007 not an Avro ChatRequested".getBytes(StandardCharsets.UTF_8);
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                INFRA.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.CHAT_REQUESTS, key, garbage)).get();
        }
        // same key, so same partition: the valid request queues behind the poison record
        ChatRequested request = TestEvents.request("mock", "mock", 10, "Still there?");
        producer.send(new ProducerRecord<>(Topics.CHAT_REQUESTS, key, request)).get();

        await().atMost(STREAM_TIMEOUT).untilAsserted(() -> assertThat(events.deadLetters(key)).singleElement()
                .satisfies(record -> assertThat(record.value()).isEqualTo(garbage)));
        assertThat(completed(awaitTerminal(request)).getText()).isNotEmpty();
    }

    @Test
    void aLaterRequestDoesNotWaitForALongStream() {
        ChatRequested slow = TestEvents.request("slow-mock", "mock", 500, LONG_QUESTION);
        publish(slow);
        awaitFirstDelta(slow);

        ChatRequested quick = TestEvents.request("mock", "mock", 10, "Quick one");
        publish(quick);

        awaitTerminal(quick);
        assertThat(events.terminal(slow.getRequestId())).as("the slow stream is still running").isEmpty();
        publishCancel(slow.getRequestId(), slow.getUserId());
        awaitTerminal(slow);
    }

    @Test
    void pausesIntakeWhileAllStreamSlotsAreBusyAndResumesWhenOneFrees() {
        List<ChatRequested> slow = List.of(TestEvents.request("slow-mock", "mock", 500, LONG_QUESTION),
                TestEvents.request("slow-mock", "mock", 500, LONG_QUESTION),
                TestEvents.request("slow-mock", "mock", 500, LONG_QUESTION));
        slow.forEach(WorkerTestSupport::publish);
        slow.forEach(WorkerTestSupport::awaitFirstDelta);
        await().atMost(STREAM_TIMEOUT).until(() -> container("chat-requests").isPauseRequested());

        ChatRequested waiting = TestEvents.request("mock", "mock", 10, "Anyone free?");
        publish(waiting);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> events.stream(waiting.getRequestId()).isEmpty());

        publishCancel(slow.getFirst().getRequestId(), slow.getFirst().getUserId());
        awaitTerminal(waiting);
        slow.forEach(request -> publishCancel(request.getRequestId(), request.getUserId()));
        slow.forEach(WorkerTestSupport::awaitTerminal);
        await().atMost(STREAM_TIMEOUT).until(() -> !container("chat-requests").isPauseRequested());
    }

    @Test
    void commitsARequestOnlyAfterItsAnswerWasPublished() {
        ChatRequested request = TestEvents.request("slow-mock", "mock", 500, LONG_QUESTION);
        RecordMetadata record = publish(request);
        awaitFirstDelta(request);

        // a worker killed now leaves the record uncommitted, so another worker redoes it
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> committedOffset(record.partition()) <= record.offset());

        publishCancel(request.getRequestId(), request.getUserId());
        awaitTerminal(request);
        awaitUsage(request);
        await().atMost(STREAM_TIMEOUT).until(() -> committedOffset(record.partition()) > record.offset());
    }

    /** The next offset the {@code llm-worker} group would read from the partition; -1 before any commit. */
    private static long committedOffset(int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("llm-worker").partitionsToOffsetAndMetadata()
                    .get().get(new TopicPartition(Topics.CHAT_REQUESTS, partition));
            return committed == null ? -1 : committed.offset();
        }
    }
}
