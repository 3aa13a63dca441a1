package dev.parley.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Fails fast, naming the variable to change, when a port the stack needs is taken: otherwise the component
 * that cannot bind fails much later with a less helpful message.
 */
final class PortCheck {

    private PortCheck() {
    }

    /** @param ports port per environment variable that configures it */
    static void requireFree(Map<String, Integer> ports) {
        Map<Integer, String> seen = new HashMap<>();
        ports.forEach((envVar, port) -> {
            String other = seen.putIfAbsent(port, envVar);
            if (other != null) {
                throw new StackException(other + " and " + envVar + " are both " + port
                        + ": give each component its own port");
            }
            requireFree(envVar, port);
        });
    }

    static void requireFree(String envVar, int port) {
        if (!isFree(port)) {
            throw new StackException("port " + port + " is already in use: stop what listens there, or set "
                    + envVar + " to a free port (e.g. " + envVar + "=" + suggestion(port) + " ./parley up)");
        }
    }

    // The wildcard bind catches a listener on any local address; the loopback bind catches a loopback-only
    // listener on systems (BSD, macOS) where SO_REUSEADDR lets a wildcard bind coexist with it.
    static boolean isFree(int port) {
        return canBind(new InetSocketAddress(port))
                && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int suggestion(int port) {
        for (int candidate = port + 100; candidate < 65535; candidate += 100) {
            if (isFree(candidate)) {
                return candidate;
            }
        }
        return Ports.free();
    }
}
