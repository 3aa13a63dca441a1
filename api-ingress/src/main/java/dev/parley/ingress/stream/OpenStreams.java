package dev.parley.ingress.stream;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.parley.platform.problem.ApiProblem;

/**
 * Answers' streams each user holds open on this instance, SSE and WebSocket together, so that one user cannot tie
 * up the instance's threads and buffers. Counted in memory: a user spreading connections over N instances may
 * hold N times the cap.
 */
@Component
public class OpenStreams {

    private final int maxPerUser;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    OpenStreams(StreamLimits limits) {
        this.maxPerUser = limits.maxOpenPerUser();
    }

    /** @throws ApiProblem 429 when the user holds as many streams as allowed */
    public void acquire(String userId) {
        boolean[] refused = {false};
        open.compute(userId, (ignored, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerUser) {
                refused[0] = true;
                return count;
            }
            return current + 1;
        });
        if (refused[0]) {
            throw ApiProblem.rateLimited("Too many open streams: at most " + maxPerUser + " per user at once",
                    Duration.ofSeconds(5));
        }
    }

    public void release(String userId) {
        open.computeIfPresent(userId, (ignored, count) -> count <= 1 ? null : count - 1);
    }
}
