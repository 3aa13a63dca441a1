package dev.parley.bench.upstream;

import java.util.concurrent.CountDownLatch;

/**
 * The mock upstream as its own process: {@code MockUpstreamMain <port> [deltas] [delayMillis] [firstTokenDelayMillis]}.
 * Prints {@code listening on <port>} once it accepts connections; runs until killed.
 */
public final class MockUpstreamMain {

    private MockUpstreamMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "0");
        var shape = new StreamShape(arg(args, 1, 20), arg(args, 2, 20), arg(args, 3, 0));
        MockUpstream upstream = MockUpstream.start(port, shape);
        Runtime.getRuntime().addShutdownHook(new Thread(upstream::close));
        System.out.println("listening on " + upstream.port());
        new CountDownLatch(1).await();
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
