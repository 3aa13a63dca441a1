package dev.parley.ingress.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

class ConnectionBuffersConfigTest {

    @Test
    void theConnectorGivesEachConnectionTheConfiguredBuffers() {
        var factory = new TomcatServletWebServerFactory(0);
        new ConnectionBuffersConfig().connectionBuffers(new ConnectionBuffers(DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(3), DataSize.ofKilobytes(1))).customize(factory);
        // as the factory makes its connector
        var connector = new Connector(factory.getProtocol());
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));

        assertThat(connector.getProtocolHandler()).isInstanceOf(ConnectionBuffersConfig.SizedResponseProtocol.class);
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo("2048");
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("3072");
        // what the connector gives each request's response: its buffer, and the char buffer of the same size
        assertThat(connector.createResponse(new org.apache.coyote.Response()).getBufferSize()).isEqualTo(1024);
    }
}
