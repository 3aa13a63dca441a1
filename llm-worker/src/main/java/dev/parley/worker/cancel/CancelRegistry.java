package dev.parley.worker.cancel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.parley.worker.config.WorkerProperties;
import dev.parley.worker.provider.Cancellation;

/**
 * Connects cancels to the streams running here. Only the user who owns a request can stop it. A cancel for a
 * request this worker does not run yet is remembered for a while (bounded, expiring): the request may still be
 * on its way, and is then stopped as soon as it starts. Both sides check the other after recording themselves,
 * so a cancel racing its request's start is never lost.
 */
@Component
public class CancelRegistry {

    private static final Logger log = LoggerFactory.getLogger(CancelRegistry.class);

    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Keyed by request and user, so that a foreign cancel can neither stop nor displace the owner's. */
    private final Cache<String, Boolean> earlyCancels;

    CancelRegistry(WorkerProperties properties) {
        this.earlyCancels = Caffeine.newBuilder()
                .expireAfterWrite(properties.cancel().rememberFor())
                .maximumSize(properties.cancel().rememberAtMost())
                .build();
    }

    /** Registers a starting stream; cancels it right away when its owner's cancel came first. */
    public void register(String requestId, String userId, Cancellation cancellation) {
        running.put(requestId, new Running(userId, cancellation));
        applyEarlyCancel(requestId, userId);
    }

    public void unregister(String requestId) {
        running.remove(requestId);
    }

    void cancel(String requestId, String userId) {
        Running stream = running.get(requestId);
        if (stream == null) {
            earlyCancels.put(key(requestId, userId), Boolean.TRUE);
            applyEarlyCancel(requestId, userId);
        } else if (stream.userId().equals(userId)) {
            log.debug("Cancelling request {}", requestId);
            stream.cancellation().cancel();
        } else {
            log.warn("Ignoring a cancel of request {} by a user who does not own it", requestId);
        }
    }

    private void applyEarlyCancel(String requestId, String userId) {
        Running stream = running.get(requestId);
        if (stream != null && stream.userId().equals(userId)
                && earlyCancels.asMap().remove(key(requestId, userId)) != null) {
            log.debug("Cancelling request {} at its start: the cancel came first", requestId);
            stream.cancellation().cancel();
        }
    }

    private static String key(String requestId, String userId) {
        return requestId + '\n' + userId;
    }

    private record Running(String userId, Cancellation cancellation) {
    }
}
