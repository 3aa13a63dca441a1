package dev.parley.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.parley.accounting.usage.DebitWriteListener;

class CrashHookTest {

    private final AtomicInteger halts = new AtomicInteger();

    @Test
    void offByDefaultItNeverHalts() {
        var hook = new CrashHook(new FaultProperties(null), halts::incrementAndGet);

        for (int i = 0; i < 1_000; i++) {
            hook.afterDebitWrite("e" + i);
        }

        assertThat(halts).hasValue(0);
    }

    @Test
    void haltsOnceRightAfterTheNthDebitWrite() {
        var hook = new CrashHook(new FaultProperties(3), halts::incrementAndGet);

        hook.afterDebitWrite("e1");
        hook.afterDebitWrite("e2");
        assertThat(halts).hasValue(0);
        hook.afterDebitWrite("e3");
        assertThat(halts).hasValue(1);
        hook.afterDebitWrite("e4");
        assertThat(halts).hasValue(1);
    }

    @Test
    void isUnsetUnlessConfiguredAndRefusesACountBelowOne() {
        var context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FaultHooksAutoConfiguration.class));

        context.run(started -> {
            assertThat(started.getBean(FaultProperties.class).haltAfterDebitWrite()).isNull();
            assertThat(started).getBean(DebitWriteListener.class).isInstanceOf(CrashHook.class);
        });
        context.withPropertyValues("parley.accounting.fault.halt-after-debit-write=2").run(started -> assertThat(
                started.getBean(FaultProperties.class).haltAfterDebitWrite()).isEqualTo(2));
        context.withPropertyValues("parley.accounting.fault.halt-after-debit-write=0")
                .run(started -> assertThat(started).hasFailed());
    }
}
