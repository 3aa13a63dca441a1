package dev.parley.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class JitSettlingTest {

    private final JitSettling settling = JitSettling.upTo(Duration.ofSeconds(240));

    @Test
    void goesOnWhileTheCompilersTakeMoreThanTheSettledShare() {
        // what api-ingress's stack showed after two minutes of peak load: a fifth of its CPU compiling
        assertThat(settling.quiet(Duration.ofSeconds(120), 5.4, 27.0)).isFalse();
        assertThat(settling.quiet(Duration.ofSeconds(120), 0.82, 27.0)).isFalse();
    }

    @Test
    void aSliceIsQuietOnceTheCompilersTakeAtMostTheSettledShare() {
        assertThat(settling.quiet(Duration.ofSeconds(120), 0.8, 27.0)).isTrue();
        assertThat(settling.quiet(Duration.ofSeconds(120), 0, 27.0)).isTrue();
    }

    /** The loads take turns: one quiet slice says nothing of the other load's code. */
    @Test
    void endsAfterTwoQuietSlicesInARow() {
        Duration elapsed = Duration.ofSeconds(120);

        assertThat(settling.settled(elapsed, true, false)).isFalse();
        assertThat(settling.settled(elapsed, false, true)).isFalse();
        assertThat(settling.settled(elapsed, true, true)).isTrue();
    }

    @Test
    void neverEndsBeforeTheMinimumNorRunsPastTheMaximum() {
        assertThat(settling.minimum()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settling.quiet(Duration.ofSeconds(15), 0, 27.0)).isFalse();
        assertThat(settling.settled(Duration.ofSeconds(240), settling.quiet(Duration.ofSeconds(240), 20, 27.0), false))
                .isTrue();
    }

    @Test
    void aShortMaximumIsAlsoTheMinimum() {
        JitSettling brief = JitSettling.upTo(Duration.ofSeconds(5));

        assertThat(brief.minimum()).isEqualTo(Duration.ofSeconds(5));
        assertThat(brief.settled(Duration.ofSeconds(5), brief.quiet(Duration.ofSeconds(5), 9, 10), false)).isTrue();
    }

    @Test
    void theShareOfAnIdleStackIsZero() {
        assertThat(JitSettling.share(0, 0)).isZero();
        assertThat(JitSettling.share(1, 4)).isEqualTo(0.25);
    }
}
