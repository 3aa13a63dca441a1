package dev.parley.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class TransientFailuresTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(TransientFailures.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final TransientFailures failures = new TransientFailures(Duration.ofMinutes(1), Clock.systemUTC(), null);
    private final ConsumerRecord<String, String> record = new ConsumerRecord<>("usage.recorded", 2, 41L, "k", "v");

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void aPoisonRecordIsLoggedOnceAsAWarningWithItsCause() {
        var poison = new DeserializationException("not Avro", new byte[] {1}, false, new IllegalStateException("x"));

        failures.failedDelivery(record, poison, 1);

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("usage.recorded-2 offset 41", "poison failure",
                    "dead-lettered");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(DeserializationException.class.getName());
        });
    }

    @Test
    void aTransientFailureIsLoggedAtItsFirstAndEveryTenthAttemptOnly() {
        var outage = new TimeoutException("broker away");

        for (int attempt = 1; attempt <= 20; attempt++) {
            failures.failedDelivery(record, outage, attempt);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(3)
                .allSatisfy(message -> assertThat(message).contains("transient failure, retrying without limit"));
        assertThat(failures.retrying()).containsKey("usage.recorded-2");
    }

    @Test
    void aWholeBatchRetriedIsReportedAsItsFirstRecord() {
        var batch = new ConsumerRecords<>(Map.of(new TopicPartition("usage.recorded", 2), List.of(record)), Map.of());

        failures.failedDelivery(batch, new IllegalStateException("a bug"), 1);

        assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("usage.recorded-2 offset 41", "unknown failure (attempt 1)"));
    }

    @Test
    void theErrorHandlerLeavesItsPerAttemptSeekExceptionAtDebug() {
        var properties = new ParleyKafkaProperties(6, (short) 1, Duration.ofMillis(500), Duration.ofSeconds(8), 6,
                Duration.ofSeconds(30), true);
        var handler = new ParleyErrorHandler(null, new FixedBackOff(0, 1), properties, failures);

        assertThat(handler.seekLogLevel()).isEqualTo(KafkaException.Level.DEBUG);
    }
}
