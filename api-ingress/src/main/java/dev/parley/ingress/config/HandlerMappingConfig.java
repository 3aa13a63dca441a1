package dev.parley.ingress.config;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC maps requests to controller methods with {@link PathFirstHandlerMapping}. */
@Configuration
class HandlerMappingConfig {

    @Bean
    WebMvcRegistrations pathFirstHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }
}
