package dev.parley.bench.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CPU ticks of a set of processes at the start of a window; {@link #end()} gives each one's usage over it. */
public final class CpuWindow {

    private final ProcFiles proc;
    private final Map<MeasuredProcess, Long> startTicks = new LinkedHashMap<>();
    private final Map<MeasuredProcess, Long> startJitTicks = new LinkedHashMap<>();

    private CpuWindow(ProcFiles proc) {
        this.proc = proc;
    }

    public static CpuWindow start(ProcFiles proc, List<MeasuredProcess> processes) {
        CpuWindow window = new CpuWindow(proc);
        processes.forEach(p -> {
            window.startTicks.put(p, proc.cpuTicks(p.pid()).orElse(-1));
            window.startJitTicks.put(p, proc.compilerTicks(p.pid()).orElse(-1));
        });
        return window;
    }

    /** Usage per process; a process that was gone at either end shows 0 CPU. */
    public List<ProcessUsage> end() {
        return startTicks.entrySet().stream().map(entry -> {
            MeasuredProcess process = entry.getKey();
            long now = proc.cpuTicks(process.pid()).orElse(-1);
            long ticks = entry.getValue() < 0 || now < 0 ? 0 : now - entry.getValue();
            long jitStart = startJitTicks.get(process);
            long jitNow = proc.compilerTicks(process.pid()).orElse(-1);
            long jitTicks = jitStart < 0 || jitNow < 0 ? 0 : Math.max(0, jitNow - jitStart);
            return new ProcessUsage(process.name(), process.pid(), ProcFiles.seconds(ticks),
                    ProcFiles.seconds(jitTicks),
                    proc.statusKb(process.pid(), "VmRSS").orElse(0) / 1024.0,
                    proc.statusKb(process.pid(), "VmHWM").orElse(0) / 1024.0);
        }).toList();
    }
}
