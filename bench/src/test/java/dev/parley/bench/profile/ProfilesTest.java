package dev.parley.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.bench.upstream.StreamShape;

class ProfilesTest {

    @Test
    void theProfilesOfTheIssue() {
        assertThat(only("a").concurrency()).isEqualTo(1);
        RunSpec b = only("b");
        assertThat(b.concurrency()).isEqualTo(100);
        assertThat(b.shape()).isEqualTo(new StreamShape(20, 20, 0));
        assertThat(b.jitter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.keys()).isEqualTo(200);
        assertThat(only("c").concurrency()).isEqualTo(1000);
        assertThat(only("c").shape()).isEqualTo(new StreamShape(100, 50, 0));
        assertThat(Profiles.runs("d", Overrides.NONE)).allMatch(r -> r.shape().delayMillis() == 0)
                .extracting(RunSpec::name).containsExactly("d-c4", "d-c16", "d-c64");
        assertThat(Profiles.runs("e", Overrides.NONE)).extracting(RunSpec::keys).containsExactly(1, 200);
        assertThat(only("f").preload()).isTrue();
    }

    @Test
    void overridesChangeEveryRunButAOneKeyRunKeepsOneKey() {
        var overrides = new Overrides(null, 50L, Duration.ofSeconds(5), null, null, 4, 1L, null, null, 10, null, 2,
                2);

        List<RunSpec> runs = Profiles.runs("e", overrides);

        assertThat(runs).allMatch(r -> r.count() == 50 && r.duration().equals(Duration.ofSeconds(5))
                && r.shape().equals(new StreamShape(4, 1, 0)) && r.ingress() == 2 && r.workers() == 2);
        assertThat(runs).extracting(RunSpec::keys).containsExactly(1, 10);
    }

    @Test
    void aConcurrencyOverrideMakesThePeakSweepOneRun() {
        var overrides = new Overrides(8, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(Profiles.runs("d", overrides)).extracting(RunSpec::name).containsExactly("d-c8");
    }

    @Test
    void anUnknownProfileIsRefused() {
        assertThatThrownBy(() -> Profiles.runs("z", Overrides.NONE)).hasMessageContaining("unknown profile 'z'");
    }

    private static RunSpec only(String profile) {
        List<RunSpec> runs = Profiles.runs(profile, Overrides.NONE);
        assertThat(runs).hasSize(1);
        return runs.getFirst();
    }
}
