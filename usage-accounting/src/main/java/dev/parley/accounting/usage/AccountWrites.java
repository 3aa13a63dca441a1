package dev.parley.accounting.usage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.parley.accounting.config.AccountingProperties;

/**
 * Runs one write per paying account of a batch at once, at most {@code account-writes-at-once} over all usage
 * consumers of the instance, and answers each account's outcome in the accounts' order. The writes of different
 * accounts touch different documents and never depended on each other's order; made one after another, a batch of
 * n accounts waited n round trips, which at peak was nearly all of a consumer's time (docs/decisions.md,
 * "usage-accounting: a batch's accounts are written at once").
 */
@Component
class AccountWrites implements AutoCloseable {

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("account-write-", 0).factory());
    private final Semaphore permits;

    @Autowired
    AccountWrites(AccountingProperties properties) {
        this(properties.accountWritesAtOnce());
    }

    AccountWrites(int atOnce) {
        this.permits = new Semaphore(atOnce);
    }

    /** What one account's write answered, or how it failed (then {@code value} is null). */
    record Outcome<T>(T value, RuntimeException failure) {
    }

    /**
     * @return each account's outcome, in the order of {@code accountIds}, once all writes ended; a single account is
     *         written on the calling thread
     */
    <T> Map<String, Outcome<T>> each(Collection<String> accountIds, Function<String, T> write) {
        Map<String, Outcome<T>> outcomes = new LinkedHashMap<>();
        if (accountIds.size() == 1) {
            accountIds.forEach(accountId -> outcomes.put(accountId, attempt(accountId, write)));
            return outcomes;
        }
        Map<String, CompletableFuture<Outcome<T>>> running = new LinkedHashMap<>();
        accountIds.forEach(accountId -> running.put(accountId,
                CompletableFuture.supplyAsync(() -> bounded(accountId, write), threads)));
        // join waits even when the consumer is interrupted: a batch answers only once each of its writes has ended
        running.forEach((accountId, outcome) -> outcomes.put(accountId, joined(outcome)));
        return outcomes;
    }

    private <T> Outcome<T> bounded(String accountId, Function<String, T> write) {
        permits.acquireUninterruptibly();
        try {
            return attempt(accountId, write);
        } finally {
            permits.release();
        }
    }

    static <T> Outcome<T> attempt(String accountId, Function<String, T> write) {
        try {
            return new Outcome<>(write.apply(accountId), null);
        } catch (RuntimeException e) {
            return new Outcome<>(null, e);
        }
    }

    private static <T> Outcome<T> joined(CompletableFuture<Outcome<T>> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            // only an Error gets here: attempt answers every RuntimeException as an outcome
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
