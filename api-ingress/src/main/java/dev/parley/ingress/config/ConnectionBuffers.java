package dev.parley.ingress.config;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The buffers Tomcat gives every connection for as long as its request lasts, which for an SSE stream is while it
 * waits for tokens: see {@link ConnectionBuffersConfig}.
 *
 * @param socketRead  what one read from the socket fills (Tomcat: 8 KB); the request head's own buffer is this plus
 *        the largest request head ({@code server.max-http-request-header-size}, 8 KB)
 * @param socketWrite what small writes gather in before they go to the socket (8 KB); larger writes go directly
 * @param response    the servlet response buffer ({@code ServletResponse.getBufferSize()}, 8 KB; Tomcat sizes the
 *        response's char buffer the same): a body that fits is sent with a Content-Length, a longer one chunked
 */
@Validated
@ConfigurationProperties("parley.http.connection-buffers")
record ConnectionBuffers(
        @DefaultValue("4KB") @NotNull DataSize socketRead,
        @DefaultValue("4KB") @NotNull DataSize socketWrite,
        @DefaultValue("4KB") @NotNull DataSize response) {
}
