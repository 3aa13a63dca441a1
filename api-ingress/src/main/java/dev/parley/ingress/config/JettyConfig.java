package dev.parley.ingress.config;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * api-ingress runs on Jetty because an idle SSE stream costs it a fraction of what it cost on Tomcat (docs/decisions.md,
 * "api-ingress on Jetty"). What Parley needs of it beyond Spring Boot's settings:
 * <ul>
 * <li>an encoded '/' (%2F) in a path is accepted and decoded: model ids contain '/', and clients encode them in a
 * path segment. Decoded, the servlet path stays free of '%' (which the security firewall refuses as a sign of double
 * encoding) and is checked for traversal by that firewall; Spring MVC matches the raw request URI, so the encoded
 * slash stays inside the one path variable it belongs to;</li>
 * <li>the servlet response buffer ({@link ServerTuning#responseBuffer()});</li>
 * <li>no header cache: from a connection's second request on, Jetty's parser keeps a cache of the first request's
 * header fields in a trie sized by {@code headerCacheSize} (1024 entries: a 96 KB char array), for as long as the
 * connection lives. A browser's SSE stream usually runs on a connection that served requests before, so each open
 * stream would keep one; parsing the few headers of a request without it costs a few small strings.</li>
 * </ul>
 * Forwarded headers: {@link TrustedProxyHeaders}; the body of a refused request: {@link RefusedBodySwallowFilter}.
 */
@Configuration
@EnableConfigurationProperties(ServerTuning.class)
class JettyConfig {

    static final UriCompliance URI_COMPLIANCE =
            UriCompliance.DEFAULT.with("parley", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);

    /**
     * Runs after Spring Boot's own customizer (order 0), which decides from {@code server.forward-headers-strategy}
     * (or the cloud platform) whether forwarded headers are used: Parley's {@link TrustedProxyHeaders} then stands in
     * for Jetty's customizer.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<JettyServletWebServerFactory> jettyConnector(ServerTuning tuning) {
        return factory -> {
            TrustedProxyHeaders forwarded = factory.isUseForwardHeaders()
                    ? new TrustedProxyHeaders(tuning.internalProxies()) : null;
            factory.setUseForwardHeaders(false);
            factory.addServerCustomizers(server -> customize(server, tuning, forwarded));
        };
    }

    @Bean
    FilterRegistrationBean<RefusedBodySwallowFilter> refusedBodySwallow(ServerTuning tuning) {
        var registration = new FilterRegistrationBean<>(new RefusedBodySwallowFilter(tuning.maxSwallow().toBytes()));
        // outside every other filter, so that it sees the 413 however it was made
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static void customize(Server server, ServerTuning tuning, TrustedProxyHeaders forwarded) {
        for (var connector : server.getConnectors()) {
            if (connector instanceof ServerConnector network) {
                network.setAcceptQueueSize(tuning.acceptQueue());
            }
            var http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                configure(http.getHttpConfiguration(), tuning);
                if (forwarded != null) {
                    http.getHttpConfiguration().addCustomizer(forwarded);
                }
            }
        }
        var context = server.getDescendant(ServletContextHandler.class);
        if (context != null) {
            context.getServletHandler().setDecodeAmbiguousURIs(true);
        }
    }

    private static void configure(HttpConfiguration http, ServerTuning tuning) {
        http.setUriCompliance(URI_COMPLIANCE);
        http.setOutputBufferSize(Math.toIntExact(tuning.responseBuffer().toBytes()));
        http.setHeaderCacheSize(0);
    }
}
