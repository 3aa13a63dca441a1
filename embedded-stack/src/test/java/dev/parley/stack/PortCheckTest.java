package dev.parley.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void namesThePortAndTheVariableToChangeWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree(Map.of("INGRESS_PORT", port)))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("port " + port + " is already in use")
                    .hasMessageContaining("set INGRESS_PORT");
        }
    }

    @Test
    void seesAListenerOnTheWildcardAddressToo() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));

            assertThat(PortCheck.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void acceptsFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("KAFKA_PORT", Ports.free());
        ports.put("REGISTRY_PORT", Ports.free());

        assertThatCode(() -> PortCheck.requireFree(ports)).doesNotThrowAnyException();
    }

    @Test
    void rejectsTwoComponentsOnOnePort() {
        int port = Ports.free();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("KAFKA_PORT", port);
        ports.put("INGRESS_PORT", port);

        assertThatThrownBy(() -> PortCheck.requireFree(ports))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("KAFKA_PORT and INGRESS_PORT are both " + port);
    }
}
