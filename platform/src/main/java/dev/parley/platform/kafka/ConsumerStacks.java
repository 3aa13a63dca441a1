package dev.parley.platform.kafka;

import java.util.Map;

/**
 * Where the consumer threads of a listener container are, for the log line that reports the container stuck: a
 * consumer that stops polling is restarted, and without its stack nobody learns what held it. Spring Kafka names them
 * {@code <listener id>-<n>-C-<generation>}.
 */
final class ConsumerStacks {

    static final int MAX_FRAMES = 25;

    private ConsumerStacks() {
    }

    static String of(String listenerId) {
        StringBuilder stacks = new StringBuilder();
        String prefix = listenerId + "-";
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            String name = thread.getKey().getName();
            if (name.startsWith(prefix) && name.contains("-C-")) {
                append(stacks, thread.getKey(), thread.getValue());
            }
        }
        return stacks.isEmpty() ? " (no consumer thread of it found)" : stacks.toString();
    }

    private static void append(StringBuilder stacks, Thread thread, StackTraceElement[] frames) {
        stacks.append(System.lineSeparator()).append("  thread ").append(thread.getName()).append(" (")
                .append(thread.getState()).append(')');
        for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
            stacks.append(System.lineSeparator()).append("    at ").append(frames[i]);
        }
        if (frames.length > MAX_FRAMES) {
            stacks.append(System.lineSeparator()).append("    ... ").append(frames.length - MAX_FRAMES)
                    .append(" more");
        }
    }
}
