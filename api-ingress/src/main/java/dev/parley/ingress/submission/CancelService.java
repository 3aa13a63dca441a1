package dev.parley.ingress.submission;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.parley.events.CancelRequested;
import dev.parley.events.Topics;
import dev.parley.ingress.message.MessageDocument;
import dev.parley.ingress.message.MessageQueries;
import dev.parley.platform.problem.ApiProblem;

/**
 * Asks the workers to stop an answer. The message itself changes only when the worker's terminal event
 * (finish reason CANCELLED) arrives, so that the stored text is what was really generated.
 */
@Service
public class CancelService {

    private static final Logger log = LoggerFactory.getLogger(CancelService.class);

    private final MessageQueries queries;
    private final ChatPublisher publisher;
    private final Clock clock;

    CancelService(MessageQueries queries, ChatPublisher publisher, Clock clock) {
        this.queries = queries;
        this.publisher = publisher;
        this.clock = clock;
    }

    public CompletableFuture<CancelResponse> cancel(String userId, String conversationId, String messageId) {
        MessageDocument answer = queries.requireOwnedAnswer(userId, conversationId, messageId);
        if (answer.status().finished()) {
            throw ApiProblem.conflict("The answer has already finished with status " + answer.status());
        }
        return cancelRequest(userId, answer.requestId()).thenApply(
                sent -> new CancelResponse(answer.id(), answer.requestId(), CancelResponse.CANCEL_REQUESTED));
    }

    /**
     * Asks the workers to stop a request of this user that has no stored answer to check first (the stateless
     * /v1 edge); a worker stops only a request of the same user.
     */
    public CompletableFuture<Void> cancelRequest(String userId, String requestId) {
        var event = CancelRequested.newBuilder()
                .setRequestId(requestId)
                .setUserId(userId)
                .setRequestedAt(clock.instant())
                .build();
        return publisher.publish(Topics.CHAT_CONTROL, requestId, event).handle((sent, failure) -> {
            if (failure != null) {
                log.warn("Could not publish cancel of request {}: {}", requestId, failure.toString());
                throw ApiProblem.unavailable("The cancel could not be queued; try again", failure);
            }
            return null;
        });
    }
}
