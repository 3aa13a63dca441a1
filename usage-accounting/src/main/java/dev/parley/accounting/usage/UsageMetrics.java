package dev.parley.accounting.usage;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.parley.accounting.ledger.LedgerEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Counters of what accounting did with the usage it consumed. */
@Component
class UsageMetrics {

    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter overdrafts;
    private final Timer debitLag;

    UsageMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("parley.accounting.usage.duplicates")
                .description("Usage records skipped because they had been applied before")
                .register(registry);
        this.overdrafts = Counter.builder("parley.accounting.overdrafts")
                .description("Usage records that left their account with a negative balance")
                .register(registry);
        this.debitLag = Timer.builder("parley.accounting.debit.lag")
                .description("From a provider call's usage being recorded by the worker to its debit of the balance")
                .publishPercentileHistogram().register(registry);
    }

    /**
     * Times one step of a batch ({@link UsageAccountingService}'s protocol): at peak the debit lag is the batches'
     * steps one after another, and these say which step to shorten.
     *
     * @param step price, ledger, debits, buckets, marks or trims
     */
    <T> T timeStep(String step, Supplier<T> work) {
        return Timer.builder("parley.accounting.batch.step")
                .description("One step of applying a batch of usage records, from pricing to the trims of event ids")
                .tag("step", step).publishPercentileHistogram().register(registry).record(work);
    }

    void timeStep(String step, Runnable work) {
        timeStep(step, () -> {
            work.run();
            return null;
        });
    }

    /** @param recordedAt when the worker recorded the usage */
    void debited(Instant recordedAt, Instant debitedAt) {
        debitLag.record(Math.max(0, debitedAt.toEpochMilli() - recordedAt.toEpochMilli()), TimeUnit.MILLISECONDS);
    }

    void applied(LedgerEntry entry) {
        Counter.builder("parley.accounting.usage.applied")
                .description("Usage records applied to an account")
                .tags("provider", entry.provider(), "model", entry.model(), "outcome", entry.outcome())
                .register(registry)
                .increment();
        Counter.builder("parley.accounting.tokens.debited")
                .description("Credits debited from balances (one credit per token for the mock models)")
                .baseUnit("credits")
                .tags("provider", entry.provider(), "model", entry.model())
                .register(registry)
                .increment(entry.amount());
    }

    /** Usage of a model nobody priced, debited at the default price: with the catalog this should not happen. */
    void unpriced(LedgerEntry entry) {
        Counter.builder("parley.accounting.unpriced.usage")
                .description("Usage records of models without a price, debited at the default price")
                .tags("model", entry.model())
                .register(registry)
                .increment();
    }

    void duplicateSkipped() {
        duplicates.increment();
    }

    void overdrawn() {
        overdrafts.increment();
    }
}
