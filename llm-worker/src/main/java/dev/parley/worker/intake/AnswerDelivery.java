package dev.parley.worker.intake;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

import dev.parley.worker.generation.GenerationService.Publication;

/**
 * Gets an answer out, on the request's own virtual thread: publishes its terminal event and usage records, retried
 * with backoff for a bounded time ({@code parley.worker.publish.give-up-after}); if that never succeeds (or the answer could not even be produced), the
 * request record goes to {@code chat.requests-dlt} instead, to be replayed ({@code ./parley dlt replay chat.requests})
 * once the broker takes writes again. Either way the request is then done, so its partition's commits move on; a
 * replay runs the request again, and its usage records carry the same event ids, so nothing is debited twice.
 */
@Component
class AnswerDelivery {

    private static final Logger log = LoggerFactory.getLogger(AnswerDelivery.class);

    private final PublishProperties properties;
    private final ConsumerRecordRecoverer deadLetters;
    private final Counter retries;
    private final Counter deadLettered;

    AnswerDelivery(PublishProperties properties, ConsumerRecordRecoverer parleyDeadLetterRecoverer,
            MeterRegistry meters) {
        this.properties = properties;
        this.deadLetters = parleyDeadLetterRecoverer;
        this.retries = Counter.builder("parley.worker.publish.retries")
                .description("Attempts to publish an answer again after a failed one").register(meters);
        this.deadLettered = Counter.builder("parley.worker.requests.dead-lettered")
                .description("Requests sent to chat.requests-dlt because their answer could not be published")
                .register(meters);
    }

    /**
     * @return true once the answer is published or the request dead-lettered; false only when the thread was
     *         interrupted (the worker is stopping), and then the record must stay uncommitted to be redone
     */
    boolean deliver(ConsumerRecord<?, ?> request, String requestId, Supplier<Publication> answer) {
        try {
            Exception failure;
            try {
                failure = publish(requestId, answer.get());
            } catch (Interrupted e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("Request {}: the answer could not be produced", requestId, e);
                failure = e;
            }
            if (failure != null) {
                deadLetter(request, requestId, failure);
            }
            return true;
        } catch (Interrupted e) {
            Thread.currentThread().interrupt();
            log.warn("Request {}: stopped before its answer was published; left uncommitted", requestId);
            return false;
        }
    }

    /** @return null when published, else the last failure */
    private Exception publish(String requestId, Publication publication) {
        long deadline = System.nanoTime() + properties.giveUpAfter().toNanos();
        for (int attempt = 1;; attempt++) {
            try {
                publication.send().join();
                if (attempt > 1) {
                    log.info("Request {}: answer published at attempt {}", requestId, attempt);
                }
                return null;
            } catch (RuntimeException e) {
                Duration pause = properties.backoff(attempt);
                boolean again = System.nanoTime() + pause.toNanos() < deadline;
                log.warn("Request {}: answer not published (attempt {}){}: {}", requestId, attempt,
                        again ? ", trying again in " + pause.toMillis() + " ms" : ", giving up", e.toString());
                if (!again) {
                    return e;
                }
                retries.increment();
                pause(pause);
            }
        }
    }

    /** Keeps trying: without the dead letter (or a later publish) the request would be lost. */
    private void deadLetter(ConsumerRecord<?, ?> request, String requestId, Exception failure) {
        for (int attempt = 1;; attempt++) {
            try {
                deadLetters.accept(request, failure);
                deadLettered.increment();
                log.error("Request {} sent to the dead-letter topic: replay it with ./parley dlt replay {}",
                        requestId, request.topic());
                return;
            } catch (RuntimeException e) {
                log.error("Request {}: could not be dead-lettered either (attempt {}): {}", requestId, attempt,
                        e.toString());
                pause(properties.backoff(attempt));
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            throw new Interrupted();
        }
    }

    private static final class Interrupted extends RuntimeException {

        Interrupted() {
            super(null, null, false, false);
        }
    }
}
