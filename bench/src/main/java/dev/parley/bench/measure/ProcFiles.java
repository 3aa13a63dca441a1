package dev.parley.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Reads a process's CPU time and memory from Linux's /proc. */
public final class ProcFiles {

    /** USER_HZ: the unit of utime and stime; 100 on every common Linux build. */
    static final long TICKS_PER_SECOND = 100;

    private final Path proc;

    public ProcFiles(Path proc) {
        this.proc = proc;
    }

    public static ProcFiles system() {
        return new ProcFiles(Path.of("/proc"));
    }

    /** utime + stime of {@code pid} in ticks (all its threads, not its children); empty when it is gone. */
    public OptionalLong cpuTicks(long pid) {
        try {
            return OptionalLong.of(cpuTicks(Files.readString(proc.resolve(pid + "/stat"))));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * utime + stime of the JIT compiler threads of JVM {@code pid} (HotSpot's {@code C1 CompilerThreadN} and
     * {@code C2 CompilerThreadN}, named {@code C1 CompilerThre} in /proc, which keeps 15 characters), from each
     * thread's /proc/pid/task/tid/stat; empty when the process is gone. A compiler thread that ended takes its time
     * with it: HotSpot stops the extra ones when the queue runs dry, so this undercounts only while compiling calms.
     */
    public OptionalLong compilerTicks(long pid) {
        Path tasks = proc.resolve(pid + "/task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return OptionalLong.of(threads.filter(this::isCompilerThread).mapToLong(this::threadTicks).sum());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private boolean isCompilerThread(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended meanwhile
        }
    }

    private long threadTicks(Path task) {
        try {
            return cpuTicks(Files.readString(task.resolve("stat")));
        } catch (IOException e) {
            return 0;
        }
    }

    /** A value in kB from /proc/pid/status, such as {@code VmRSS} or {@code VmHWM}; empty when absent. */
    public OptionalLong statusKb(long pid, String field) {
        try {
            return statusKb(Files.readString(proc.resolve(pid + "/status")), field);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    // The command name (field 2) is in parentheses and may itself contain spaces and ')': fields are counted
    // from the last ')'. Field 3 (state) is then the first, utime (14) the 12th and stime (15) the 13th.
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static OptionalLong statusKb(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String value = line.substring(field.length() + 1).trim();
                return OptionalLong.of(Long.parseLong(value.split(" +")[0]));
            }
        }
        return OptionalLong.empty();
    }

    public static double seconds(long ticks) {
        return ticks / (double) TICKS_PER_SECOND;
    }
}
