package dev.parley.ingress.sse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.parley.ingress.stream.OpenStreams;

@Configuration
class SseConfig {

    /** SSE streams hold one of their user's open-stream slots while they last (after the security chain). */
    @Bean
    FilterRegistrationBean<OpenStreamsFilter> openStreamsFilter(OpenStreams open,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var registration = new FilterRegistrationBean<>(new OpenStreamsFilter(open, problems));
        registration.addUrlPatterns("/api/conversations/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
