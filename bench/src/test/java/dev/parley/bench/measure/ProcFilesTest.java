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

        assertThat(window.end()).containsExactly(new ProcessUsage("svc", 7, 3.5, 2.0, 4.0));
    }
}
