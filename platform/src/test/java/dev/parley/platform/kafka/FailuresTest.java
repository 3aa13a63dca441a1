package dev.parley.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.apache.avro.AvroTypeException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import dev.parley.platform.registry.SchemaRegistryUnavailableException;

class FailuresTest {

    @Test
    void aRecordThatCannotBeReadOrIsInvalidIsPoison() {
        assertThat(Failures.classify(new DeserializationException("bad bytes", new byte[0], false,
                new AvroTypeException("not avro")))).isEqualTo(FailureKind.POISON);
        assertThat(Failures.classify(new ListenerExecutionFailedException("listener",
                new InvalidEventException("negative tokens")))).isEqualTo(FailureKind.POISON);
    }

    @Test
    void aRegistryThatDidNotAnswerMakesADeserializationFailureTransient() {
        var unavailable = new SchemaRegistryUnavailableException("no answer", new ConnectException("refused"));
        assertThat(Failures.classify(new DeserializationException("lookup failed", new byte[0], false,
                new RuntimeException(unavailable)))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void databaseAndBrokerOutagesAreTransient() {
        assertThat(Failures.classify(new ListenerExecutionFailedException("listener",
                new DataAccessResourceFailureException("timed out", new ConnectException())))).isEqualTo(
                FailureKind.TRANSIENT);
        assertThat(Failures.classify(new NotEnoughReplicasException("refused"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(Failures.classify(new IllegalStateException(new com.mongodb.MongoSocketReadException("reset",
                new com.mongodb.ServerAddress())))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(Failures.classify(new DuplicateKeyException("dup"))).isEqualTo(FailureKind.UNKNOWN);
        assertThat(Failures.classify(new NullPointerException())).isEqualTo(FailureKind.UNKNOWN);
    }
}
