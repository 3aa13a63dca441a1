package dev.parley.accounting.config;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Service-to-service authentication: every endpoint except health and metrics needs
 * {@code Authorization: Bearer <service token>}, except {@code /internal/integrations/**}, which needs the
 * integration token of outside systems instead. Failures are handed to the MVC exception resolvers so that
 * they come out as the same RFC 9457 problems as every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemEntryPoint problemEntryPoint)
            throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/internal/integrations/**").hasRole("INTEGRATION")
                        .anyRequest().hasRole("SERVICE"))
                .oauth2ResourceServer(server -> server
                        .opaqueToken(Customizer.withDefaults())
                        .authenticationEntryPoint(problemEntryPoint))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler(problemEntryPoint::commence))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * No observation of the filter chain, its authentications or authorizations: with actuator's observation
     * registry, Spring Security wraps every filter of the chain in an observation on every request, the reservation
     * (one per chat request) included, and they feed no tracer here. Unlike
     * {@code management.observations.enable.spring.security: false}, which only made them no-ops after they were
     * created, this removes the wrapping (as api-ingress does). HTTP server metrics are not affected.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    OpaqueTokenIntrospector serviceTokenIntrospector(AccountingProperties properties) {
        return new ServiceTokenIntrospector(properties.serviceToken(), properties.integrationToken());
    }

    @Bean
    ProblemEntryPoint problemEntryPoint(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        return new ProblemEntryPoint(exceptionResolver);
    }

    /** Hands authentication and authorization failures to the MVC exception resolvers. */
    record ProblemEntryPoint(HandlerExceptionResolver resolver) implements AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request,
                HttpServletResponse response,
                AuthenticationException exception) {
            resolver.resolveException(request, response, null, exception);
        }

        void commence(HttpServletRequest request,
                HttpServletResponse response,
                AccessDeniedException exception) {
            resolver.resolveException(request, response, null, exception);
        }
    }

    /** Millisecond ticks: what MongoDB stores, so an answer built from memory equals one read back later. */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
