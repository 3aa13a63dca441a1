package dev.parley.platform.kafka;

import java.util.List;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExceptionMatcher;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Spring Kafka's {@link DefaultErrorHandler} with Parley's rule for failures ({@link Failures}): a transient failure
 * (a dependency is down) is retried with exponential backoff and without limit, so that a database or registry outage
 * of any length sends nothing to a dead-letter topic; a poison record is recovered at once (dead-lettered, or only
 * logged without a recoverer); anything else gets the bounded backoff, then is recovered.
 */
public class ParleyErrorHandler extends DefaultErrorHandler {

    private static final ExceptionMatcher NOT_POISON = new ExceptionMatcher(List.of(), true) {
        @Override
        public boolean match(Throwable failure) {
            return Failures.classify(failure) != FailureKind.POISON;
        }
    };

    /**
     * @param recoverer what happens to a record that is given up (null: logged)
     * @param bounded the backoff of failures that are neither transient nor poison; at least one retry, because
     *        Spring Kafka skips the backoff function, and so the unlimited retries of transient failures, when the
     *        default backoff allows none
     * @param properties the transient backoff's first and longest pause
     */
    public ParleyErrorHandler(ConsumerRecordRecoverer recoverer, BackOff bounded, ParleyKafkaProperties properties,
            TransientFailures failures) {
        super(recoverer, requireARetry(bounded));
        BackOff unlimited = unlimited(properties);
        setBackOffFunction((record, failure) -> Failures.classify(failure) == FailureKind.TRANSIENT ? unlimited : null);
        setRetryListeners(failures);
        // Spring Kafka logs "Error handler threw an exception" with a stack trace, at this level, after every failed
        // attempt (its way of asking for a seek), a poison record's first included: ERROR for a normal event, and one
        // stack trace per retry of an outage. TransientFailures logs each failure instead, rate-limited.
        setLogLevel(KafkaException.Level.DEBUG);
    }

    private static BackOff requireARetry(BackOff bounded) {
        if (bounded.start().nextBackOff() == BackOffExecution.STOP) {
            throw new IllegalArgumentException("the bounded backoff must allow at least one retry");
        }
        return bounded;
    }

    private static BackOff unlimited(ParleyKafkaProperties properties) {
        var backOff = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.transientMaxRetryInterval().toMillis());
        backOff.setMaxAttempts(Long.MAX_VALUE);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    /** The level of Spring Kafka's per-attempt "Error handler threw an exception" line. */
    KafkaException.Level seekLogLevel() {
        return getLogLevel();
    }

    /** Overrides the classification by exception type: only {@link Failures} decides what is retried. */
    @Override
    protected ExceptionMatcher getExceptionMatcher() {
        return NOT_POISON;
    }
}
