package dev.parley.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.events.ChatRequested;
import dev.parley.events.Topics;
import dev.parley.events.UsageRecorded;
import dev.parley.testing.TestInfrastructure;

/**
 * Issue 10, item 1: the broker refuses writes to chat.stream and usage.recorded (an ACL), so the worker cannot
 * publish an answer. It retries for a bounded time (12 s in this context); when writes come back in time the answer is
 * published once, with its deterministic usage event id; when they do not, the request goes to chat.requests-dlt and
 * its partition's commits move on.
 */
class PublishFailureIT extends WorkerTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void anAnswerTheBrokerRefusedIsPublishedOnceItTakesWritesAgain() throws Exception {
        ChatRequested request = TestEvents.request("mock", "mock", 10, "Still there?");
        double retriesBefore = counter("parley.worker.publish.retries");
        RecordMetadata record;
        refuseWrites(true);
        try {
            record = publish(request);
            await().atMost(Duration.ofSeconds(60)).until(() -> counter("parley.worker.publish.retries") > retriesBefore);
        } finally {
            refuseWrites(false);
        }

        assertThat(completed(awaitTerminal(request, Duration.ofSeconds(60))).getText()).isNotEmpty();
        UsageRecorded usage = awaitUsage(request);
        assertThat(usage.getEventId()).isEqualTo(request.getRequestId() + ":0");
        await().atMost(STREAM_TIMEOUT).until(() -> committedOffset(record.partition()) > record.offset());
        assertThat(events.deadLetters(request.getRequestId())).isEmpty();
    }

    @Test
    void aRequestWhoseAnswerCannotBePublishedIsDeadLetteredAndItsPartitionMovesOn() throws Exception {
        ChatRequested request = TestEvents.request("mock", "mock", 10, "Anyone?");
        RecordMetadata record;
        refuseWrites(true);
        try {
            record = publish(request);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                    events.deadLetters(request.getRequestId())).singleElement().satisfies(dead -> assertThat(
                            new String(dead.headers().lastHeader("kafka_dlt-original-topic").value(),
                                    StandardCharsets.UTF_8)).isEqualTo(Topics.CHAT_REQUESTS)));
            await().atMost(STREAM_TIMEOUT).until(() -> committedOffset(record.partition()) > record.offset());
        } finally {
            refuseWrites(false);
        }
    }

    private double counter(String name) {
        var counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void refuseWrites(boolean refuse) {
        var broker = TestInfrastructure.components().kafka();
        if (refuse) {
            broker.refuseWrites(List.of(Topics.CHAT_STREAM, Topics.USAGE_RECORDED));
        } else {
            broker.acceptWrites();
        }
    }

    private static long committedOffset(int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("llm-worker").partitionsToOffsetAndMetadata()
                    .get().get(new TopicPartition(Topics.CHAT_REQUESTS, partition));
            return committed == null ? -1 : committed.offset();
        }
    }
}
