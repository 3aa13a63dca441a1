package dev.parley.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Locale;

import dev.parley.bench.measure.Percentiles;
import dev.parley.bench.measure.Percentiles.Summary;

/**
 * How the idle machine answers before the stack starts, so that sets measured at different times can be compared (the
 * same code measured 268 and 200 streams/s at d-c64 40 minutes apart on this virtual machine). Two figures: a round
 * trip of one byte between two threads over loopback TCP (back to back, and after 30 ms of quiet, as each hop of
 * profile a starts), which prices the thread hand-offs and system calls every Kafka and HTTP hop is made of; and a
 * fixed loop of arithmetic, which prices plain computation.
 *
 * @param roundTrips timed round trips back to back
 * @param quietRoundTrips timed round trips after 30 ms of quiet each
 * @param loopIterations iterations of the arithmetic loop per try (best of three)
 */
record MachineSpeed(int roundTrips, int quietRoundTrips, long loopIterations) {

    static final MachineSpeed SET = new MachineSpeed(20_000, 100, 500_000_000L);
    private static final long QUIET_MILLIS = 30;

    /** Measures, then describes what it measured in one sentence. */
    String measure() throws InterruptedException {
        long[] backToBack = new long[roundTrips];
        long[] quiet = new long[quietRoundTrips];
        roundTrips(backToBack, quiet);
        Summary hot = Percentiles.summarize(micros(backToBack));
        Summary idle = Percentiles.summarize(micros(quiet));
        return String.format(Locale.ROOT, "The idle machine before the stack started: a loopback TCP round trip between"
                + " two threads took %.1f us at p50 back to back (p99 %.1f), %.1f us after 30 ms of quiet; %,d iterations of"
                + " a fixed arithmetic loop took %d ms.", hot.p50(), hot.p99(), idle.p50(), loopIterations,
                loopMillis());
    }

    private void roundTrips(long[] backToBack, long[] quiet) throws InterruptedException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread echo = Thread.ofPlatform().daemon().name("machine-speed-echo").start(() -> echo(server));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setTcpNoDelay(true);
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                time(in, out, new long[backToBack.length], 0); // warms the JIT and the connection
                time(in, out, backToBack, 0);
                time(in, out, quiet, QUIET_MILLIS);
            }
            echo.join(1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void time(InputStream in, OutputStream out, long[] nanos, long quietMillis)
            throws IOException, InterruptedException {
        for (int i = 0; i < nanos.length; i++) {
            if (quietMillis > 0) {
                Thread.sleep(quietMillis);
            }
            long started = System.nanoTime();
            out.write(1);
            out.flush();
            if (in.read() < 0) {
                throw new IOException("the echo thread closed the connection");
            }
            nanos[i] = System.nanoTime() - started;
        }
    }

    private static void echo(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed first: nothing left to echo
        }
    }

    private long loopMillis() {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            long started = System.nanoTime();
            long x = attempt;
            for (long i = 0; i < loopIterations; i++) {
                x += i * 31 ^ (x >>> 3);
            }
            sink ^= x;
            best = Math.min(best, System.nanoTime() - started);
        }
        // the result is used, so the loop cannot be removed as dead code
        return best / 1_000_000 + (sink == 42 ? 1 : 0);
    }

    private static double[] micros(long[] nanos) {
        return Arrays.stream(nanos).mapToDouble(value -> value / 1000.0).toArray();
    }
}
