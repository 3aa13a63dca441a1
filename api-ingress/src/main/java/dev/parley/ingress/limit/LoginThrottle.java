package dev.parley.ingress.limit;

import java.time.Duration;
import java.util.Locale;

import dev.parley.platform.problem.ApiProblem;

import io.github.bucket4j.TimeMeter;

/**
 * Slows password guessing without handing anyone a way to lock an account: attempts are counted per (account,
 * client address) and per client address, each before the password is checked, and beyond a free allowance each
 * further attempt must wait a growing delay. An account is never locked as such: its owner signing in from another
 * address has a fresh (account, address) count and is refused only if that address itself is throttled. A correct
 * password clears its (account, address) count and gives the address its attempt back.
 */
public class LoginThrottle {

    private final AttemptCounter byAccountAndAddress;
    private final AttemptCounter byAddress;

    LoginThrottle(LimitProperties properties, TimeMeter time) {
        this.byAccountAndAddress = new AttemptCounter(properties.loginFailuresPerEmail(),
                properties.loginBaseDelay(), properties.loginMaxDelay(), properties.loginWindow(), time);
        this.byAddress = new AttemptCounter(properties.loginFailuresPerIp(), properties.loginBaseDelay(),
                properties.loginMaxDelay(), properties.loginWindow(), time);
    }

    /**
     * Counts one attempt of {@code account} (an email, or a user id) from {@code address}; call it before checking
     * the password, and {@link #succeeded} when it was right.
     *
     * @throws ApiProblem 429 with {@code Retry-After} when the pair or the address must wait; nothing is counted then
     */
    public void attempt(String account, String address) {
        String pair = pair(account, address);
        Duration wait = byAccountAndAddress.tryAcquire(pair);
        if (wait.isZero()) {
            wait = byAddress.tryAcquire(address);
            if (!wait.isZero()) {
                byAccountAndAddress.refund(pair);
            }
        }
        if (!wait.isZero()) {
            throw ApiProblem.rateLimited("Too many sign-in attempts; try again later", wait);
        }
    }

    /** The attempt was right: it was no failure. */
    public void succeeded(String account, String address) {
        byAccountAndAddress.reset(pair(account, address));
        byAddress.refund(address);
    }

    private static String pair(String account, String address) {
        return account.trim().toLowerCase(Locale.ROOT) + '\n' + address;
    }
}
