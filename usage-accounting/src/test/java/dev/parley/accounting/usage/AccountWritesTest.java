package dev.parley.accounting.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountWritesTest {

    private final AccountWrites writes = new AccountWrites(4);

    @AfterEach
    void close() {
        writes.close();
    }

    @Test
    void answersEachAccountInTheOrderGiven() {
        Map<String, AccountWrites.Outcome<String>> outcomes = writes.each(List.of("c", "a", "b"),
                accountId -> accountId.toUpperCase());

        assertThat(outcomes.keySet()).containsExactly("c", "a", "b");
        assertThat(outcomes.values()).extracting(AccountWrites.Outcome::value).containsExactly("C", "A", "B");
    }

    @Test
    void aFailedWriteIsItsAccountsOutcomeAndTheOthersStillRun() {
        var refused = new IllegalStateException("account a refused");

        Map<String, AccountWrites.Outcome<String>> outcomes = writes.each(List.of("a", "b"), accountId -> {
            if (accountId.equals("a")) {
                throw refused;
            }
            return "written " + accountId;
        });

        assertThat(outcomes.get("a").failure()).isSameAs(refused);
        assertThat(outcomes.get("a").value()).isNull();
        assertThat(outcomes.get("b")).isEqualTo(new AccountWrites.Outcome<>("written b", null));
    }

    @Test
    void writesDifferentAccountsAtOnce() throws InterruptedException {
        // each write waits until both have started: written one after the other, neither would return
        var bothStarted = new CountDownLatch(2);

        Map<String, AccountWrites.Outcome<Boolean>> outcomes = writes.each(List.of("a", "b"), accountId -> {
            bothStarted.countDown();
            try {
                return bothStarted.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(outcomes.values()).extracting(AccountWrites.Outcome::value).containsExactly(true, true);
    }

    @Test
    void neverMoreWritesAtOnceThanItsBound() {
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        List<String> accounts = IntStream.range(0, 40).mapToObj(i -> "user-" + i).toList();

        writes.each(accounts, accountId -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            running.decrementAndGet();
            return accountId;
        });

        assertThat(most.get()).isBetween(1, 4);
    }

    @Test
    void writesASingleAccountOnTheCallingThread() {
        Thread caller = Thread.currentThread();

        Map<String, AccountWrites.Outcome<Thread>> outcomes = writes.each(List.of("a"),
                accountId -> Thread.currentThread());

        assertThat(outcomes.get("a").value()).isSameAs(caller);
    }

    @Test
    void anErrorIsNotAnOutcome() {
        assertThatThrownBy(() -> writes.each(List.of("a", "b"), accountId -> {
            throw new AssertionError("halted");
        })).isInstanceOf(AssertionError.class).hasMessage("halted");
    }
}
