package dev.parley.ingress.limit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.MappedInterceptor;

import io.github.bucket4j.TimeMeter;

/** Registers the limits as handler interceptors (Spring MVC picks up {@link MappedInterceptor} beans). */
@Configuration
@EnableConfigurationProperties(LimitProperties.class)
class LimitConfig {

    // every request that starts an answer
    // creating a conversation counts too: it may post the first message
    static final String[] CHAT_PATHS = {"/api/conversations", "/api/conversations/*/messages", "/api/conversations/*/messages/*/regenerate",
        "/api/conversations/*/messages/*/edit", "/v1/chat/completions"};

    @Bean
    LoginThrottle loginThrottle(LimitProperties properties) {
        return new LoginThrottle(properties, TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Bean
    RegistrationLimit registrationLimit(@Value("${parley.registration.per-address-per-hour:10}") int perHour) {
        return new RegistrationLimit(perHour, TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Bean
    MappedInterceptor requestSizeLimit(LimitProperties properties) {
        return new MappedInterceptor(new String[] {"/api/**", "/v1/**"},
                new RequestSizeLimit(properties));
    }

    @Bean
    FilterRegistrationBean<BoundedBodyFilter> boundedBodyFilter(LimitProperties properties) {
        var registration = new FilterRegistrationBean<>(new BoundedBodyFilter(properties));
        registration.addUrlPatterns("/api/*", "/v1/*");
        return registration;
    }

    @Bean
    MappedInterceptor chatRateLimiter(LimitProperties properties) {
        return new MappedInterceptor(CHAT_PATHS, new ChatRateLimiter(properties, TimeMeter.SYSTEM_MILLISECONDS));
    }
}
