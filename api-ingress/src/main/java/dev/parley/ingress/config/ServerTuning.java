package dev.parley.ingress.config;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What api-ingress's Jetty connector is told beyond Spring Boot's {@code server.*} settings: see
 * {@link JettyConfig}.
 *
 * @param responseBuffer the servlet response buffer ({@code ServletResponse.getBufferSize()}; Jetty's default is
 *        32 KB): a body that fits is sent with a Content-Length and can still become a problem if serialisation
 *        fails, a longer one goes chunked. Jetty takes it from its buffer pool only while a response is written, so
 *        it costs an idle stream nothing
 * @param maxSwallow how much of a refused request's body (413, but also 401, 403, 429...) is still read after the
 *        answer, so that the client gets the problem rather than a reset connection and can reuse its connection
 *        (what Tomcat's {@code max-swallow-size} did); above the largest body limit
 * @param acceptQueue the listen backlog: connections the kernel completes before Jetty accepts them. Jetty's default
 *        (0) leaves it to the JDK, which asks for 50: a burst of a few hundred new connections (clients starting
 *        together) overflowed it on a busy machine, and a connection whose handshake the kernel then dropped was
 *        delayed by retransmits or, now and then, reset before its request was read. Capped by the kernel's
 *        {@code net.core.somaxconn}
 * @param internalProxies the networks (CIDR) whose X-Forwarded-* headers are believed when
 *        {@code server.forward-headers-strategy} is {@code native}: see {@link TrustedProxyHeaders}; by default
 *        Spring Boot's for Tomcat ({@code server.tomcat.remoteip.internal-proxies}): private, loopback, link-local and
 *        CGNAT networks
 */
@Validated
@ConfigurationProperties("parley.http")
record ServerTuning(
        @DefaultValue("8KB") @NotNull DataSize responseBuffer,
        @DefaultValue("16MB") @NotNull DataSize maxSwallow,
        @DefaultValue("1024") @Positive int acceptQueue,
        @DefaultValue({"192.168.0.0/16", "172.16.0.0/12", "169.254.0.0/16", "fc00::/7", "10.0.0.0/8", "100.64.0.0/10",
                "127.0.0.0/8", "fe80::/10", "::1/128"}) @NotNull List<String> internalProxies) {
}
