package dev.parley.ingress.limit;

import java.time.Duration;

import dev.parley.platform.problem.ApiProblem;

import io.github.bucket4j.TimeMeter;

/**
 * Registrations one client address may attempt per hour (bcrypt makes each one cost CPU, and each account may carry
 * credits). Counted before anything is checked; in this instance's memory, like the sign-in throttle.
 */
public class RegistrationLimit {

    private final KeyedBuckets perAddress;

    RegistrationLimit(int perHour, TimeMeter time) {
        this.perAddress = new KeyedBuckets(perHour, Duration.ofHours(1), time);
    }

    /** On the system clock. */
    public static RegistrationLimit perHour(int perHour) {
        return new RegistrationLimit(perHour, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** @throws ApiProblem 429 with {@code Retry-After} when the address registered too often */
    public void attempt(String address) {
        Duration wait = perAddress.consume(address);
        if (!wait.isZero()) {
            throw ApiProblem.rateLimited("Too many registrations from this address; try again later", wait);
        }
    }
}
