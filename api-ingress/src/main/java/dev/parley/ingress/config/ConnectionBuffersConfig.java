package dev.parley.ingress.config;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An open SSE stream keeps its connection's Tomcat buffers (socket read and write buffers, the request head buffer,
 * the servlet response's byte and char buffers) for as long as it waits for tokens; with Tomcat's defaults they are
 * most of the ~117 KB an idle stream cost (bench profile {@code idle}). Smaller ones: see {@link ConnectionBuffers}
 * and docs/decisions.md, "Idle streams: what a connection holds".
 */
@Configuration
@EnableConfigurationProperties(ConnectionBuffers.class)
class ConnectionBuffersConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionBuffers(ConnectionBuffers buffers) {
        return factory -> {
            factory.setProtocol(SizedResponseProtocol.class.getName());
            factory.addConnectorCustomizers(connector -> apply(connector, buffers));
        };
    }

    private static void apply(Connector connector, ConnectionBuffers buffers) {
        set(connector, "socket.appReadBufSize", buffers.socketRead().toBytes());
        set(connector, "socket.appWriteBufSize", buffers.socketWrite().toBytes());
        if (connector.getProtocolHandler() instanceof SizedResponseProtocol protocol) {
            protocol.setResponseBufferSize(Math.toIntExact(buffers.response().toBytes()));
        }
    }

    private static void set(Connector connector, String property, long bytes) {
        if (!connector.setProperty(property, Long.toString(bytes))) {
            throw new IllegalStateException("Tomcat refused " + property + "=" + bytes);
        }
    }

    /**
     * Tomcat's HTTP/1.1 NIO protocol, telling the connector the servlet response buffer it wants: the connector
     * sizes each response's byte buffer and its char buffer by it (8 KB and 16 KB by default) and keeps them as long
     * as the connection's request lasts. Public: Tomcat creates it from its class name.
     */
    public static final class SizedResponseProtocol extends Http11NioProtocol {

        private int responseBufferSize = -1;

        void setResponseBufferSize(int responseBufferSize) {
            this.responseBufferSize = responseBufferSize;
        }

        @Override
        public int getDesiredBufferSize() {
            return responseBufferSize;
        }
    }
}
