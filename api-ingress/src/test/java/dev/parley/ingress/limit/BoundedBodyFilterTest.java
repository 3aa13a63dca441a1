package dev.parley.ingress.limit;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.parley.ingress.web.BodyTooLargeException;

class BoundedBodyFilterTest {

    final BoundedBodyFilter filter = new BoundedBodyFilter(new LimitProperties(5, 20,
            java.time.Duration.ofMinutes(15), java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(15), 60,
            DataSize.ofBytes(10), DataSize.ofBytes(10), DataSize.ofBytes(10)));

    @Test
    void aBodyWithoutDeclaredLengthFailsOnceItOutgrowsTheLimit() throws Exception {
        var seen = new AtomicReference<HttpServletRequest>();

        filter.doFilter(undeclared("0123456789abc"), new MockHttpServletResponse(),
                (request, response) -> seen.set((HttpServletRequest) request));

        assertThatThrownBy(() -> seen.get().getInputStream().readAllBytes())
                .isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void aBodyWithinTheLimitReadsWhole() throws Exception {
        var body = new AtomicReference<String>();

        filter.doFilter(undeclared("0123456789"), new MockHttpServletResponse(), (request, response) -> body.set(
                new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(body.get()).isEqualTo("0123456789");
    }

    private static MockHttpServletRequest undeclared(String content) {
        var request = new MockHttpServletRequest("POST", "/v1/chat/completions") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(content.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
