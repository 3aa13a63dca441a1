package dev.parley.platform.kafka;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

import dev.parley.platform.registry.SchemaRegistryUnavailableException;

/**
 * Tells a transient failure from a poison record by the exception and its causes. Transient wins: a record that
 * could not be deserialized because the registry was unreachable is fine, the registry is not.
 */
public final class Failures {

    /**
     * A broker that refuses access (an ACL) is a setting an operator fixes, not a property of the record: retried
     * like an outage.
     */
    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            SchemaRegistryUnavailableException.class, RetriableException.class, AuthorizationException.class,
            TransientDataAccessException.class,
            DataAccessResourceFailureException.class, RecoverableDataAccessException.class, SocketException.class,
            SocketTimeoutException.class, UnknownHostException.class, TimeoutException.class);

    /** MongoDB's own exceptions, by name: llm-worker has no MongoDB driver on its classpath. */
    private static final Set<String> TRANSIENT_BY_NAME = Set.of(
            "com.mongodb.MongoSocketException", "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException", "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoExecutionTimeoutException", "com.mongodb.MongoConnectionPoolClearedException",
            "org.springframework.web.client.ResourceAccessException");

    private static final List<Class<? extends Throwable>> POISON = List.of(InvalidEventException.class,
            DeserializationException.class, AvroRuntimeException.class, ClassCastException.class,
            MessageConversionException.class, ConversionException.class, MethodArgumentResolutionException.class,
            NoSuchMethodException.class, org.apache.kafka.common.errors.SerializationException.class);

    private Failures() {
    }

    public static FailureKind classify(Throwable failure) {
        if (anyCause(failure, TRANSIENT) || anyCauseNamed(failure)) {
            return FailureKind.TRANSIENT;
        }
        return anyCause(failure, POISON) ? FailureKind.POISON : FailureKind.UNKNOWN;
    }

    private static boolean anyCause(Throwable failure, List<Class<? extends Throwable>> types) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyCauseNamed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (TRANSIENT_BY_NAME.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
