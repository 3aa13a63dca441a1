package dev.parley.platform.kafka;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Map;

/**
 * Where the consumer threads of a listener container are, for the log line that reports the container stuck: a
 * consumer that stops polling is restarted, and without its stack nobody learns what held it. Spring Kafka names them
 * {@code <listener id>-<n>-C-<generation>}. A consumer blocked on a lock also gets the lock's owner and, for a platform
 * thread, the owner's stack: the culprit is usually there, not in the consumer.
 */
final class ConsumerStacks {

    static final int MAX_FRAMES = 25;

    private ConsumerStacks() {
    }

    static String of(String listenerId) {
        StringBuilder stacks = new StringBuilder();
        String prefix = listenerId + "-";
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        for (Map.Entry<Thread, StackTraceElement[]> thread : all.entrySet()) {
            String name = thread.getKey().getName();
            if (name.startsWith(prefix) && name.contains("-C-")) {
                append(stacks, "thread", thread.getKey(), thread.getValue());
                appendLockOwner(stacks, thread.getKey(), all);
            }
        }
        return stacks.isEmpty() ? " (no consumer thread of it found)" : stacks.toString();
    }

    private static void appendLockOwner(StringBuilder stacks, Thread thread, Map<Thread, StackTraceElement[]> all) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.threadId());
        if (info == null || info.getLockName() == null || info.getLockOwnerId() < 0) {
            return;
        }
        for (Map.Entry<Thread, StackTraceElement[]> owner : all.entrySet()) {
            if (owner.getKey().threadId() == info.getLockOwnerId()) {
                append(stacks, "waiting for " + info.getLockName() + ", held by", owner.getKey(), owner.getValue());
                return;
            }
        }
        stacks.append(System.lineSeparator()).append("  waiting for ").append(info.getLockName())
                .append(", held by thread ").append(info.getLockOwnerId()).append(" (").append(info.getLockOwnerName())
                .append("), not a running platform thread: a virtual thread's stack is in `jcmd <pid> "
                        + "Thread.dump_to_file -format=json <file>`");
    }

    private static void append(StringBuilder stacks, String label, Thread thread, StackTraceElement[] frames) {
        stacks.append(System.lineSeparator()).append("  ").append(label).append(' ').append(thread.getName())
                .append(" (").append(thread.getState()).append(')');
        for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
            stacks.append(System.lineSeparator()).append("    at ").append(frames[i]);
        }
        if (frames.length > MAX_FRAMES) {
            stacks.append(System.lineSeparator()).append("    ... ").append(frames.length - MAX_FRAMES)
                    .append(" more");
        }
    }
}
