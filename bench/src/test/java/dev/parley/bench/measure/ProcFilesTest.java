package dev.parley.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFilesTest {

    // pid 4242 "(java) x)" with utime 1500 and stime 250: the name contains a space and a parenthesis
    private static final String STAT = "4242 (java) x) S 1 4242 4242 0 -1 4194560 120000 0 10 0 1500 250 3 4 20 0 "
            + "55 0 12345 5000000000 70000 18446744073709551615 1 1 0 0 0 0 0 4096 17612 0 0 0 17 1 0 0 0 0 0";

    @TempDir
    Path proc;

    @Test
    void cpuTicksAreUtimePlusStimeCountedFromTheLastParenthesis() {
        assertThat(ProcFiles.cpuTicks(STAT)).isEqualTo(1750);
    }

    @Test
    void readsStatusValuesInKilobytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  412000 kB\nVmRSS:\t  398123 kB\nThreads:\t42\n";

        assertThat(ProcFiles.statusKb(status, "VmRSS")).hasValue(398123);
        assertThat(ProcFiles.statusKb(status, "VmHWM")).hasValue(412000);
        assertThat(ProcFiles.statusKb(status, "VmSwap")).isEmpty();
    }

    @Test
    void aProcessThatIsGoneHasNoValues() throws IOException {
        Files.createDirectories(proc.resolve("4242"));
        Files.writeString(proc.resolve("4242/stat"), STAT);
        ProcFiles files = new ProcFiles(proc);

        assertThat(files.cpuTicks(4242)).hasValue(1750);
        assertThat(files.cpuTicks(4343)).isEmpty();
        assertThat(files.statusKb(4343, "VmRSS")).isEmpty();
    }

    @Test
    void compilerTicksSumTheJitThreadsOnly() throws IOException {
        thread(4242, 1, "java", 1500, 250);
        thread(4242, 2, "C2 CompilerThre", 300, 20);
        thread(4242, 3, "C1 CompilerThre", 40, 2);
        thread(4242, 4, "VM Thread", 70, 7);
        ProcFiles files = new ProcFiles(proc);

        assertThat(files.compilerTicks(4242)).hasValue(362);
        assertThat(files.compilerTicks(4343)).isEmpty();
    }

    @Test
    void thisJvmHasCompilerThreads() {
        // a JVM always runs at least one compiler thread with the default tiered compilation
        assertThat(ProcFiles.system().compilerTicks(ProcessHandle.current().pid())).isPresent();
    }

    private void thread(long pid, long tid, String name, long utime, long stime) throws IOException {
        Path task = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        Files.writeString(task.resolve("comm"), name + "\n");
        Files.writeString(task.resolve("stat"), STAT.replace("4242 (java) x)", tid + " (" + name + ")")
                .replace(" 1500 250 ", " " + utime + " " + stime + " "));
    }

    @Test
    void readsThisProcess() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcFiles.system().cpuTicks(pid)).isPresent();
        assertThat(ProcFiles.system().statusKb(pid, "VmRSS").orElse(0)).isPositive();
    }

    @Test
    void aWindowReportsTheCpuSpentInItPerProcess() throws IOException {
        Files.createDirectories(proc.resolve("7"));
        Files.writeString(proc.resolve("7/stat"), STAT);
        Files.writeString(proc.resolve("7/status"), "VmRSS:\t 2048 kB\nVmHWM:\t 4096 kB\n");
        CpuWindow window = CpuWindow.start(new ProcFiles(proc), java.util.List.of(new MeasuredProcess("svc", 7)));
        Files.writeString(proc.resolve("7/stat"), STAT.replace(" 1500 250 ", " 1800 300 "));

        assertThat(window.end()).containsExactly(new ProcessUsage("svc", 7, 3.5, 0, 2.0, 4.0));
    }

    @Test
    void aWindowReportsWhatTheCompilerThreadsSpentInIt() throws IOException {
        Files.createDirectories(proc.resolve("7"));
        Files.writeString(proc.resolve("7/stat"), STAT);
        Files.writeString(proc.resolve("7/status"), "VmRSS:\t 2048 kB\nVmHWM:\t 4096 kB\n");
        thread(7, 8, "C2 CompilerThre", 100, 10);
        CpuWindow window = CpuWindow.start(new ProcFiles(proc), java.util.List.of(new MeasuredProcess("svc", 7)));
        Files.writeString(proc.resolve("7/stat"), STAT.replace(" 1500 250 ", " 1800 300 "));
        thread(7, 8, "C2 CompilerThre", 160, 20);

        assertThat(window.end()).containsExactly(new ProcessUsage("svc", 7, 3.5, 0.7, 2.0, 4.0));
    }
}
