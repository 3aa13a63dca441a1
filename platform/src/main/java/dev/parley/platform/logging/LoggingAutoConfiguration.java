package dev.parley.platform.logging;

import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The log context of every service (see {@link LogContext}): request ids and the access log on HTTP, the context
 * carried through Kafka headers (the producer side is {@code interceptor.classes} in parley-kafka.yml), and the
 * request id passed on to other services' HTTP APIs.
 */
@AutoConfiguration
public class LoggingAutoConfiguration {

    /** Spring Boot's listener container factory configurer applies this to every {@code @KafkaListener}. */
    @Bean
    RecordInterceptor<Object, Object> logContextRecordInterceptor() {
        return new KafkaLogContextRecordInterceptor();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class HttpLogging implements WebMvcConfigurer {

        /** Outside everything else, Spring Security included, so that refused requests are logged too. */
        @Bean
        FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
            var registration = new FilterRegistrationBean<>(new AccessLogFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setAsyncSupported(true);
            return registration;
        }

        /** The access line of each request is written off the request's thread (see {@link AsyncAccessLog}). */
        @Bean(destroyMethod = "close")
        AsyncAccessLog asyncAccessLog() {
            return AsyncAccessLog.install(LoggerFactory.getILoggerFactory());
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new RequestContextInterceptor());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RestClientCustomizer.class)
    static class OutgoingRequestIds {

        @Bean
        RestClientCustomizer requestIdPropagation() {
            return builder -> builder.requestInterceptor((request, body, execution) -> {
                String requestId = MDC.get(LogContext.REQUEST_ID);
                if (requestId != null && !request.getHeaders().containsHeader(LogContext.REQUEST_ID_HEADER)) {
                    request.getHeaders().set(LogContext.REQUEST_ID_HEADER, requestId);
                }
                return execution.execute(request, body);
            });
        }
    }
}
