package dev.parley.ingress.openai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.ingress.submission.AcceptedChat;
import dev.parley.ingress.submission.CancelService;

/**
 * Stops generating a /v1 answer whose client went away (or stopped waiting) before it finished: an OpenAI client
 * cannot resume and the answer is not stored, so nobody will read the rest. What was generated is still debited.
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
        // a failed send is logged by the cancel itself; there is no client left to tell
        cancels.cancelRequest(userId, accepted.requestId());
    }
}
