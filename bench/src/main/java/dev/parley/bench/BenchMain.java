package dev.parley.bench;

import java.nio.file.Path;

import dev.parley.bench.stack.StackPorts;

/** {@code ./parley bench}: see {@link BenchOptions#USAGE}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path repo = Path.of(System.getProperty("parley.repo.dir", ".")).toAbsolutePath().normalize();
        BenchOptions options;
        try {
            if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
                System.out.println(BenchOptions.USAGE);
                return;
            }
            options = BenchOptions.parse(args, repo);
        } catch (IllegalArgumentException e) {
            System.err.println("parley bench: " + e.getMessage() + "\n\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        String parleyHome = System.getenv().getOrDefault("PARLEY_HOME", repo.resolve(".parley").toString());
        Path home = Path.of(parleyHome).toAbsolutePath().resolve("bench");
        try {
            new Bench(options, repo, home, StackPorts.from(System.getenv()), java.util.Map.of()).run();
        } catch (RuntimeException e) {
            System.err.println("\nparley bench failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
