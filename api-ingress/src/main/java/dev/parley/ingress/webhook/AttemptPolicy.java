package dev.parley.ingress.webhook;

import java.time.Instant;

/** Turns an attempt's result into the delivery's next state: done, failed for good, or due again later. */
final class AttemptPolicy {

    private final int maxAttempts;
    private final RetrySchedule schedule;

    AttemptPolicy(int maxAttempts, RetrySchedule schedule) {
        this.maxAttempts = maxAttempts;
        this.schedule = schedule;
    }

    /**
     * @param attempts attempts made, this one included
     * @param random a uniform number in [0, 1) for the jitter
     */
    Next next(int attempts, AttemptResult result, Instant now, double random) {
        return switch (result.verdict()) {
            case DELIVERED -> new Next(DeliveryStatus.DELIVERED, null, null);
            case FAILED -> new Next(DeliveryStatus.FAILED, null, result.error());
            case RETRY -> attempts >= maxAttempts
                    ? new Next(DeliveryStatus.FAILED, null, "gave up after " + attempts + " attempts; last: "
                            + result.error())
                    : new Next(DeliveryStatus.PENDING, now.plus(schedule.delay(attempts, result.retryAfter(),
                            random)), result.error());
        };
    }

    /** @param nextAttemptAt when PENDING: when the delivery is due again */
    record Next(DeliveryStatus status, Instant nextAttemptAt, String error) {
    }
}
