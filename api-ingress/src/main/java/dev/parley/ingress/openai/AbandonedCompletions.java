package dev.parley.ingress.openai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.ingress.message.AcceptedChat;
import dev.parley.ingress.message.CancelService;
import dev.parley.ingress.web.ApiProblem;

/**
 * Stops generating a /v1 answer whose client went away before it finished: an OpenAI client cannot resume, so
 * nobody will read the rest. The same cancel as {@code POST .../cancel}; what was generated is still stored.
 */
@Component
class AbandonedCompletions {

    private static final Logger log = LoggerFactory.getLogger(AbandonedCompletions.class);

    private final CancelService cancels;

    AbandonedCompletions(CancelService cancels) {
        this.cancels = cancels;
    }

    void cancel(String userId, AcceptedChat accepted) {
        log.info("The client of /v1 request {} went away before its answer finished; cancelling it",
                accepted.requestId());
        try {
            // a failed send is logged by the cancel itself; there is no client left to tell
            cancels.cancel(userId, accepted.conversationId(), accepted.messageId());
        } catch (ApiProblem e) {
            log.debug("Request {} needs no cancel: {}", accepted.requestId(), e.getMessage());
        }
    }
}
