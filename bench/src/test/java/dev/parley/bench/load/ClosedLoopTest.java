package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ClosedLoopTest {

    @Test
    void measuresAtMostCountRequestsAndOpensAndClosesTheWindowOnce() throws InterruptedException {
        AtomicInteger windows = new AtomicInteger();
        LoadPlan plan = new LoadPlan(4, Duration.ZERO, Duration.ofMinutes(5), 25, Duration.ZERO, Duration.ofSeconds(30));
        ClosedLoop loop = new ClosedLoop(plan, client -> ok(), () -> { });

        LoadResult result = loop.run(new WindowListener() {
            @Override
            public void windowStarted() {
                windows.addAndGet(1);
            }

            @Override
            public void windowEnded() {
                windows.addAndGet(10);
            }
        });

        assertThat(windows).hasValue(11);
        assertThat(result.outcomes()).hasSize(25);
        assertThat(result.windowEndNanos()).isGreaterThanOrEqualTo(result.windowStartNanos());
    }

    @Test
    void countsOnlyStreamsThatEndedWellInsideTheWindow() {
        var ok = new Outcome(Api.OPENAI, 10, 20, 90, 20, null);
        var late = new Outcome(Api.OPENAI, 50, 60, 150, 20, null);
        var failed = new Outcome(Api.NATIVE, 10, 0, 30, 0, "http 503");

        LoadResult result = new LoadResult(java.util.List.of(ok, late, failed), 0, 100);

        assertThat(result.completedInWindow()).isEqualTo(1);
        assertThat(result.tokensInWindow()).isEqualTo(20);
    }

    @Test
    void nativeSessionsStartANewConversationAfterTheirTurnsOrAFailure() {
        NativeSession session = new NativeSession(2);
        AtomicInteger created = new AtomicInteger();

        String first = session.conversationFor(() -> "c" + created.incrementAndGet());
        session.answered(true);
        String second = session.conversationFor(() -> "c" + created.incrementAndGet());
        session.answered(true);
        String third = session.conversationFor(() -> "c" + created.incrementAndGet());
        session.answered(false);
        String fourth = session.conversationFor(() -> "c" + created.incrementAndGet());

        assertThat(first).isEqualTo("c1").isEqualTo(second);
        assertThat(third).isEqualTo("c2");
        assertThat(fourth).isEqualTo("c3");
        assertThat(session.conversationFor(() -> "!http 500")).isEqualTo("c3");
    }

    private static Outcome ok() {
        long now = System.nanoTime();
        return new Outcome(Api.DIRECT, now, now + 1, now + 2, 3, null);
    }
}
