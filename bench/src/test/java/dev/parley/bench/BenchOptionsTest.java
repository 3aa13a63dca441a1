package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import dev.parley.bench.load.Api;

class BenchOptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void noProfileMeansAll() {
        BenchOptions options = BenchOptions.parse(new String[0], REPO);

        assertThat(options.profiles()).containsExactly("a", "b", "c", "d", "e", "f", "idle");
        assertThat(options.output()).isEqualTo(Path.of("/repo/bench/results"));
        assertThat(options.preloadMessages()).isEqualTo(200_000);
        assertThat(options.jitWarmup()).isEqualTo(Duration.ofSeconds(480));
        assertThat(options.idleStreams()).isEqualTo(1000);
    }

    @Test
    void theIdleProfileTakesItsStreamCount() {
        BenchOptions options = BenchOptions.parse(new String[] {"idle", "--idle-streams", "400"}, REPO);

        assertThat(options.profiles()).containsExactly("idle");
        assertThat(options.idleStreams()).isEqualTo(400);
    }

    @Test
    void readsProfilesAndOverrides() {
        BenchOptions options = BenchOptions.parse(new String[] {"b", "D", "--concurrency", "50", "--duration", "12s",
                "--delay-ms", "5", "--api", "openai", "--ingress", "2", "--name", "quiet", "--jit-warmup", "0"}, REPO);

        assertThat(options.profiles()).containsExactly("b", "d");
        assertThat(options.name()).isEqualTo("quiet");
        assertThat(options.overrides().concurrency()).isEqualTo(50);
        assertThat(options.overrides().duration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(options.overrides().delayMillis()).isEqualTo(5);
        assertThat(options.overrides().apis()).isEqualTo(EnumSet.of(Api.OPENAI));
        assertThat(options.overrides().ingress()).isEqualTo(2);
        assertThat(options.jitWarmup()).isZero();
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"q"}, REPO)).hasMessageContaining("unknown profile");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--speed", "9"}, REPO))
                .hasMessageContaining("unknown option --speed");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--count"}, REPO)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--api", "grpc"}, REPO))
                .hasMessageContaining("--api is native, openai or both");
    }
}
