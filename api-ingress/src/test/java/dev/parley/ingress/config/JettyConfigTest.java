package dev.parley.ingress.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.util.unit.DataSize;

class JettyConfigTest {

    final ServerTuning tuning = new ServerTuning(DataSize.ofKilobytes(4), DataSize.ofMegabytes(16), 777,
            List.of("127.0.0.0/8"));

    @Test
    void eachConnectorAcceptsEncodedSlashesKeepsNoHeaderCacheAndHasTheConfiguredBufferAndBacklog() {
        var server = new Server();
        server.addConnector(new ServerConnector(server));

        JettyConfig.customize(server, tuning, null);

        var http = server.getConnectors()[0].getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        assertThat(http.getUriCompliance().allows(UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR)).isTrue();
        assertThat(http.getUriCompliance().allows(UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER)).isFalse();
        assertThat(http.getHeaderCacheSize()).isZero();
        assertThat(http.getOutputBufferSize()).isEqualTo(4096);
        assertThat(http.getCustomizers()).isEmpty();
        assertThat(((ServerConnector) server.getConnectors()[0]).getAcceptQueueSize()).isEqualTo(777);
    }

    @Test
    void forwardedHeadersAreParleysTrustedProxyHeadersNotJettys() {
        var factory = new JettyServletWebServerFactory(0);
        factory.setUseForwardHeaders(true);
        new JettyConfig().jettyConnector(tuning).customize(factory);
        assertThat(factory.isUseForwardHeaders()).isFalse();

        var server = new Server();
        server.addConnector(new ServerConnector(server));
        factory.getServerCustomizers().forEach(customizer -> customizer.customize(server));
        var http = server.getConnectors()[0].getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        assertThat(http.getCustomizers()).singleElement().isInstanceOf(TrustedProxyHeaders.class);
    }

    @Test
    void withoutForwardedHeadersNoProxyIsTrusted() {
        var factory = new JettyServletWebServerFactory(0);
        new JettyConfig().jettyConnector(tuning).customize(factory);

        var server = new Server();
        server.addConnector(new ServerConnector(server));
        factory.getServerCustomizers().forEach(customizer -> customizer.customize(server));
        var http = server.getConnectors()[0].getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        assertThat(http.getCustomizers()).isEmpty();
    }
}
