package dev.parley.ingress.config;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the rest of a refused request's body (any 4xx or 5xx answer: 401, 403, 413, 429...), up to
 * {@code maxSwallow}, after its problem has been sent. Jetty reads an unread body only as far as it has arrived and
 * otherwise closes the connection, after a response it has already committed and so without
 * {@code Connection: close}: a client still sending a large upload would see a reset connection instead of the 413,
 * and a client whose body trails its headers (the JDK's HttpClient sends them apart) would find its next request on
 * that kept-alive connection answered by an EOF. Tomcat did this itself ({@code server.tomcat.max-swallow-size}). A
 * body declared longer than {@code maxSwallow} is not read: its connection closes.
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
        if (response.getStatus() >= HttpStatus.BAD_REQUEST.value() && !request.isAsyncStarted()
                && request.getContentLengthLong() <= maxSwallow && !awaitsContinue(request)) {
            complete(response);
            swallow(request);
        }
    }

    /**
     * Sends all of the answer, its last chunk included, before the body is read: a client that waits for the answer
     * before sending the rest would otherwise wait for a server that waits for it.
     */
    private static void complete(HttpServletResponse response) throws IOException {
        try {
            response.getOutputStream().close();
        } catch (IllegalStateException writerInUse) {
            response.getWriter().close();
        }
    }

    /** Told the final answer instead of 100 Continue, such a client sends no body: reading would wait for none. */
    private static boolean awaitsContinue(HttpServletRequest request) {
        return "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
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
