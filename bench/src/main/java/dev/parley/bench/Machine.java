package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the results were measured on: cores, memory, load, CPU model, JDK, how the idle machine answered, and the
 * commit.
 */
final class Machine {

    private Machine() {
    }

    static String describe() throws InterruptedException {
        return "%d cores (%s), %s MB memory, load average %s at the start, JDK %s. %s".formatted(
                Runtime.getRuntime().availableProcessors(), cpuModel(), memoryMb(), loadAverage(),
                Runtime.version(), MachineSpeed.SET.measure());
    }

    static String commit(Path repo) {
        String sha = git(repo, "rev-parse", "--short=12", "HEAD");
        String status = git(repo, "status", "--porcelain", "--untracked-files=no");
        return sha.isBlank() ? "unknown" : sha + (status.isBlank() ? "" : " (with uncommitted changes)");
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }

    private static String memoryMb() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Long.toString(Long.parseLong(l.replaceAll("\\D", "")) / 1024)).orElse("?");
    }

    private static String loadAverage() {
        String[] fields = read("/proc/loadavg").split(" ");
        return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "?";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static String git(Path repo, String... args) {
        try {
            Process process = new ProcessBuilder(concat(repo, args)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static List<String> concat(Path repo, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
