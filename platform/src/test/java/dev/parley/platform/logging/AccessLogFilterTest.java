package dev.parley.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** One access line per request, with its ids and never its query string, headers or body. */
class AccessLogFilterTest {

    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger access = (Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER);

    @BeforeEach
    void capture() {
        lines.start();
        access.addAppender(lines);
    }

    @AfterEach
    void release() {
        access.detachAppender(lines);
        MDC.clear();
    }

    @Test
    void aRequestGetsAnIdAndOneLineWithWhoAndWhatButNoQueryOrSecret() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/ws/stream");
        request.setQueryString("access_token=secret-token");
        request.addHeader("Authorization", "Bearer secret-token");
        request.setUserPrincipal(() -> "user-1");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("conversationId", "conv-2"));
        var response = new MockHttpServletResponse();

        FilterChain handler = (req, res) -> {
            new RequestContextInterceptor().preHandle((HttpServletRequest) req, null, null);
            ((HttpServletResponse) res).setStatus(201);
            new RequestContextInterceptor().afterCompletion((HttpServletRequest) req, null, null, null);
        };
        new AccessLogFilter().doFilter(request, response, handler);

        String requestId = response.getHeader(LogContext.REQUEST_ID_HEADER);
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(lines.list).hasSize(1);
        ILoggingEvent line = lines.list.get(0);
        assertThat(line.getFormattedMessage()).startsWith("GET /api/ws/stream 201 ").doesNotContain("secret");
        assertThat(line.getMDCPropertyMap()).containsEntry(LogContext.REQUEST_ID, requestId)
                .containsEntry(LogContext.USER_ID, "user-1").containsEntry(LogContext.CONVERSATION_ID, "conv-2");
        assertThat(line.getKeyValuePairs().toString()).doesNotContain("secret");
        assertThat(MDC.getCopyOfContextMap()).as("nothing left on the thread").isNullOrEmpty();
    }

    @Test
    void aCallersPlainRequestIdIsKeptAndAnOddOneReplaced() throws Exception {
        var request = new MockHttpServletRequest("POST", "/internal/reservations");
        request.addHeader(LogContext.REQUEST_ID_HEADER, "abc-123");
        var response = new MockHttpServletResponse();
        new AccessLogFilter().doFilter(request, response, new MockFilterChain());
        assertThat(response.getHeader(LogContext.REQUEST_ID_HEADER)).isEqualTo("abc-123");

        var odd = new MockHttpServletRequest("POST", "/internal/reservations");
        odd.addHeader(LogContext.REQUEST_ID_HEADER, "x\r\nInjected: yes");
        var oddResponse = new MockHttpServletResponse();
        new AccessLogFilter().doFilter(odd, oddResponse, new MockFilterChain());
        assertThat(oddResponse.getHeader(LogContext.REQUEST_ID_HEADER)).matches("[0-9a-f-]{36}");
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .allMatch(message -> !message.contains("Injected"));
    }

    @Test
    void scrapesAreNotLoggedAtInfo() throws Exception {
        access.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            for (String path : List.of("/actuator/prometheus", "/actuator/health/liveness")) {
                new AccessLogFilter().doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(),
                        new MockFilterChain());
            }
            assertThat(lines.list).isEmpty();
        } finally {
            access.setLevel(null);
        }
    }
}
