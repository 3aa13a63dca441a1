package dev.parley.ingress.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrderedWriterTest {

    final ManualExecutor executor = new ManualExecutor();
    final List<Object> written = new ArrayList<>();
    final List<String> overflows = new ArrayList<>();
    final OrderedWriter writer = new OrderedWriter(executor, 3, written::add, () -> overflows.add("gone"));

    @Test
    void writesInOrderOffTheCallingThread() {
        assertThat(writer.offer("a")).isTrue();
        assertThat(writer.offer("b")).isTrue();
        assertThat(written).isEmpty();

        executor.runAll();

        assertThat(written).containsExactly("a", "b");
    }

    @Test
    void aClientTooFarBehindIsGivenUpOnce() {
        for (String item : List.of("a", "b", "c")) {
            assertThat(writer.offer(item)).isTrue();
        }

        assertThat(writer.offer("d")).isFalse();
        assertThat(writer.offer("e")).isFalse();
        executor.runAll();

        assertThat(overflows).containsExactly("gone");
        assertThat(writer.isClosed()).isTrue();
        assertThat(written).isEmpty();
    }

    @Test
    void nothingIsWrittenAfterClose() {
        writer.offer("a");
        writer.close();
        executor.runAll();

        assertThat(written).isEmpty();
        assertThat(writer.offer("b")).isFalse();
    }

    @Test
    void theEndOfEachRunIsMarkedAfterWhatItWrote() {
        var batched = new OrderedWriter(executor, 10, written::add, () -> overflows.add("gone"),
                () -> written.add("|"));
        batched.offer("a");
        batched.offer("b");
        executor.runAll();
        batched.offer("c");
        executor.runAll();

        assertThat(written).containsExactly("a", "b", "|", "c", "|");
    }

    @Test
    void aClosedWriterMarksNoEnd() {
        var batched = new OrderedWriter(executor, 10, written::add, () -> overflows.add("gone"),
                () -> written.add("|"));
        batched.offer("a");
        batched.close();
        executor.runAll();

        assertThat(written).isEmpty();
    }
}
