package dev.parley.ingress.limit;

import java.time.Duration;
import java.util.Locale;

import dev.parley.ingress.web.ApiProblem;

import io.github.bucket4j.TimeMeter;

/**
 * Slows password guessing: failed sign-ins are counted per email and per client address, and once either has
 * used its allowance every attempt is a 429 until the bucket refills, whether the password is right or not.
 */
public class LoginThrottle {

    private final KeyedBuckets byEmail;
    private final KeyedBuckets byAddress;

    LoginThrottle(LimitProperties properties, TimeMeter time) {
        this.byEmail = new KeyedBuckets(properties.loginFailuresPerEmail(), properties.loginWindow(), time);
        this.byAddress = new KeyedBuckets(properties.loginFailuresPerIp(), properties.loginWindow(), time);
    }

    /** @throws ApiProblem 429 with {@code Retry-After} when the email or the address may not try now */
    public void check(String email, String address) {
        Duration wait = max(byEmail.blockedFor(key(email)), byAddress.blockedFor(address));
        if (!wait.isZero()) {
            throw ApiProblem.rateLimited("Too many failed sign-ins; try again later", wait);
        }
    }

    public void failed(String email, String address) {
        byEmail.consume(key(email));
        byAddress.consume(address);
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
