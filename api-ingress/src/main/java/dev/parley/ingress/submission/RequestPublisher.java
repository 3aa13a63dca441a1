package dev.parley.ingress.submission;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.parley.events.ChatRequested;
import dev.parley.events.Topics;
import dev.parley.platform.problem.ApiProblem;

/**
 * Publishes an admitted request on {@code chat.requests}; acceptance means the broker has it. A failed send runs
 * the caller's clean-up, gives the reservation back and fails with a 503 problem.
 */
@Component
class RequestPublisher {

    private static final Logger log = LoggerFactory.getLogger(RequestPublisher.class);

    private final ChatPublisher publisher;
    private final ChatAdmission admission;
    private final MessageMetrics metrics;
    private final Executor executor;

    RequestPublisher(ChatPublisher publisher, ChatAdmission admission, MessageMetrics metrics,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.publisher = publisher;
        this.admission = admission;
        this.metrics = metrics;
        this.executor = executor;
    }

    /** Completes once the broker has the request; a failed send runs {@code onFailure} first. */
    CompletableFuture<Void> publish(ChatRequested event, Runnable onFailure) {
        // the failure's clean-up blocks (MongoDB, accounting): never on the producer's I/O thread
        return publisher.publish(Topics.CHAT_REQUESTS, event.getRequestId(), event)
                .exceptionallyComposeAsync(failure -> {
                    log.warn("Could not publish request {}: {}", event.getRequestId(), failure.toString());
                    onFailure.run();
                    admission.release(event.getRequestId(), event.getUserId());
                    metrics.rejected(MessageMetrics.PUBLISH_FAILED);
                    return CompletableFuture.failedFuture(
                            ApiProblem.unavailable("The request could not be queued; send it again", failure));
                }, executor)
                .thenRun(metrics::accepted);
    }
}
