package dev.parley.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs start-up steps in parallel, each on its own thread (they block for seconds, and the common pool has a
 * single thread on a 2-core machine), and reports the first failure at once instead of after the slowest step.
 */
final class StartupTasks {

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);
    private static final int LOG_TAIL_LINES = 30;

    private StartupTasks() {
    }

    /**
     * Runs {@code task} and logs how long it took; a failure becomes a {@link StackException} naming
     * {@code what}, with the tail of {@code logToTail} unless that is null (the failure already carries it).
     */
    static <T> CompletableFuture<T> timed(String what, Path logToTail, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("start-" + what).start(() -> {
            long started = System.nanoTime();
            try {
                T value = task.get();
                log.info("  {} ready ({} s)", what, "%.1f".formatted((System.nanoTime() - started) / 1e9));
                result.complete(value);
            } catch (Throwable e) { // an Error too: the waiting thread must hear of it, or it would wait forever
                log.debug("{} failed to start", what, e);
                result.completeExceptionally(failure(what, logToTail, e));
            }
        });
        return result;
    }

    /** Waits for every future; throws the first failure as soon as it happens. */
    static void awaitAll(List<? extends CompletableFuture<?>> futures) {
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        futures.forEach(f -> f.whenComplete((value, error) -> {
            if (error != null) {
                firstFailure.completeExceptionally(error);
            }
        }));
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenRun(() -> firstFailure.complete(null));
        try {
            firstFailure.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StackException stack ? stack : new StackException(e.getMessage(), e);
        }
    }

    private static StackException failure(String what, Path logToTail, Throwable e) {
        if (e instanceof StackException stack) {
            return stack;
        }
        String message = what + " failed to start: " + describe(e);
        if (logToTail != null) {
            message += "\nLast lines of " + logToTail + ":\n" + ProcessSupervisor.tail(logToTail, LOG_TAIL_LINES);
        }
        return new StackException(message, e);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (!text.toString().contains(String.valueOf(cause.getMessage()))) {
                text.append("\n  caused by: ").append(cause);
            }
        }
        return text.toString();
    }
}
