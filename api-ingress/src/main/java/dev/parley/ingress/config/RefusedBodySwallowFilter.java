package dev.parley.ingress.config;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the rest of a body refused as too large (413), up to {@code maxSwallow}, after its problem has been sent.
 * Jetty reads an unread body only as far as it has arrived and otherwise closes the connection, so a client still
 * sending a large upload would see a reset connection instead of the 413; Tomcat did this itself
 * ({@code server.tomcat.max-swallow-size}). A body declared longer than {@code maxSwallow} is not read: its
 * connection closes.
 */
final class RefusedBodySwallowFilter extends OncePerRequestFilter {

    private final long maxSwallow;

    RefusedBodySwallowFilter(long maxSwallow) {
        this.maxSwallow = maxSwallow;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.PAYLOAD_TOO_LARGE.value() && !request.isAsyncStarted()
                && request.getContentLengthLong() <= maxSwallow) {
            response.flushBuffer();
            swallow(request);
        }
    }

    private void swallow(HttpServletRequest request) {
        byte[] buffer = new byte[8192];
        try {
            InputStream body = request.getInputStream();
            long left = maxSwallow;
            int n;
            while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the body was read as characters: the connection closes, as it would have
        }
    }
}
