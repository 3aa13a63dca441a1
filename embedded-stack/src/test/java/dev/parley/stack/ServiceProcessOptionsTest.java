package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceProcessOptionsTest {

    @Test
    void aSmallMachineCompilesWithTwoC2ThreadsKeptAlive() {
        assertThat(ServiceProcess.jvmOptions(List.of(), false, 2))
                .contains("-XX:CICompilerCount=3", "-XX:-UseDynamicNumberOfCompilerThreads")
                .doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void fourProcessorsOrMoreKeepTheJvmsOwnCount() {
        // the JVM's own count is 3 at 4 processors and grows with more: a fixed 3 would only lower it
        assertThat(ServiceProcess.jvmOptions(List.of(), false, 4)).noneMatch(option -> option.contains("Compiler"));
        assertThat(ServiceProcess.jvmOptions(List.of(), false, 16)).noneMatch(option -> option.contains("Compiler"));
    }

    @Test
    void aQuickStartCompilesWithC1AloneAndNeedsNoC2Threads() {
        assertThat(ServiceProcess.jvmOptions(List.of(), true, 2)).contains("-XX:TieredStopAtLevel=1")
                .noneMatch(option -> option.contains("Compiler"));
    }

    @Test
    void extraOptionsComeLastSoTheyCanOverrideTheDefaults() {
        assertThat(ServiceProcess.jvmOptions(List.of("-XX:CICompilerCount=2"), false, 2))
                .endsWith("-XX:CICompilerCount=2");
    }
}
