package dev.parley.ingress.integration;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import dev.parley.ingress.config.SecurityProblemHandler;

/**
 * The outside-system endpoints under /api/integrations accept the integration token (PARLEY_INTEGRATION_TOKEN) and
 * nothing else: no user's JWT or API key, however privileged. The main chain in turn never accepts the integration
 * token, since it is neither a JWT nor an API key. A blank token refuses every caller.
 */
@Configuration
@EnableConfigurationProperties(IntegrationProperties.class)
class IntegrationSecurityConfig {

    static final String PATHS = "/api/integrations/**";
    static final String INTEGRATION_ROLE = "INTEGRATION";

    @Bean
    @Order(1)
    SecurityFilterChain integrationSecurity(HttpSecurity http, SecurityProblemHandler problems,
            IntegrationProperties properties) throws Exception {
        AuthenticationManager integrationToken = integrationToken(new IntegrationToken(properties.token()));
        http.securityMatcher(PATHS)
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .anyRequest().hasRole(INTEGRATION_ROLE))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.authenticationManager(integrationToken))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    private static AuthenticationManager integrationToken(IntegrationToken token) {
        return authentication -> {
            if (!(authentication instanceof BearerTokenAuthenticationToken bearer) || !token.matches(bearer.getToken())) {
                throw new InvalidBearerTokenException("This endpoint needs the integration token");
            }
            return UsernamePasswordAuthenticationToken.authenticated("integration", null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + INTEGRATION_ROLE)));
        };
    }
}
