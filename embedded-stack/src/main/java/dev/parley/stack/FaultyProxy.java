package dev.parley.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a loopback port in front of a real server, for fault tests: it forwards, or it hangs (accepts
 * connections, reads what clients send, never answers) like a server that is up but wedged. Switching mode closes
 * every open connection, so that clients cannot keep using one opened in the other mode.
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode { FORWARD, HANG }

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode;

    private FaultyProxy(ServerSocket server, String targetHost, int targetPort, Mode mode) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.mode = mode;
    }

    /** Listens on a free loopback port and serves in {@code mode}. */
    public static FaultyProxy start(String targetHost, int targetPort, Mode mode) {
        try {
            var proxy = new FaultyProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetHost,
                    targetPort, mode);
            Thread.ofVirtual().name("faulty-proxy-" + proxy.port()).start(proxy::acceptAll);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode next) {
        mode = next;
        open.forEach(FaultyProxy::closeQuietly);
        open.clear();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> serve(client, mode));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket client, Mode as) {
        if (as == Mode.HANG) {
            pipe(client, OutputStream.nullOutputStream(), client);
            return;
        }
        try {
            Socket target = new Socket(targetHost, targetPort);
            open.add(target);
            Thread.ofVirtual().start(() -> pipe(target, client));
            pipe(client, target);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pipe(Socket from, Socket to) {
        try {
            pipe(from, to.getOutputStream(), to);
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void pipe(Socket from, OutputStream out, Socket to) {
        try (InputStream in = from.getInputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        mode(mode);
    }
}
