package dev.parley.ingress.config;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.HandlerExceptionResolver;

import dev.parley.ingress.apikey.ApiKeyAuthenticationProvider;
import dev.parley.ingress.auth.AccountStates;
import dev.parley.ingress.sso.SsoAuthenticationProvider;

/**
 * Stateless bearer-token security: every path needs a valid access token or API key except sign-up, login, token
 * refresh, the API description, the web app's static files and health and metrics (which exist only on the
 * management port, whose child context shares this chain: the public port serves no actuator endpoint). CORS
 * preflights are answered before authentication ({@link CorsPolicy}). Authentication and authorization failures are
 * rendered by the same exception handler as every other error (problems, or OpenAI errors on /v1).
 */
@Configuration
@EnableConfigurationProperties(CorsProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProblemHandler problems, JwtDecoder jwtDecoder,
            JwtAuthenticationConverter jwtAuthenticationConverter, ApiKeyAuthenticationProvider apiKeys,
            SsoAuthenticationProvider outsideTokens, AccountStates accounts, CorsProperties cors) throws Exception {
        var jwtProvider = new JwtAuthenticationProvider(jwtDecoder);
        jwtProvider.setJwtAuthenticationConverter(jwtAuthenticationConverter);
        var bearerTokens = new BearerTokenRouter(List.of(
                new BearerTokenRouter.Route(ApiKeyAuthenticationProvider::handles, apiKeys),
                new BearerTokenRouter.Route(outsideTokens::handles, outsideTokens),
                new BearerTokenRouter.Route(token -> true, jwtProvider)), accounts);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(c -> c.configurationSource(CorsPolicy.source(cors)))
                .headers(headers -> headers.addHeaderWriter(WebAppHeaders.contentSecurityPolicy()))
                .authorizeHttpRequests(requests -> requests
                        // error rendering and async completion only happen for requests already let through
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/api/auth/register", "/api/auth/login", "/api/auth/refresh",
                                "/api/auth/password-link").permitAll()
                        // the web app's static files: public like any web page; its data comes from the API
                        .requestMatchers(HttpMethod.GET, WebAppHeaders.PATHS).permitAll()
                        // redeeming the bootstrap token is how the first admin becomes one
                        .requestMatchers("/api/admin/bootstrap").authenticated()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/admin/**", "/api/providers", "/api/providers/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new SocketTokenResolver())
                        .jwt(jwt -> jwt.authenticationManager(bearerTokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Model ids contain '/', and a path may carry one URL-encoded (/api/providers/x/models/openai%2Fgpt-4o-mini).
     * The matchers compare decoded segments, so an encoded slash cannot make a path match a pattern it does not.
     */
    @Bean
    WebSecurityCustomizer encodedSlashes() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * No observation of the filter chain, its requests, authentications or authorizations: with an observation
     * registry present (actuator), Spring Security wraps every filter of the chain in an observation on every
     * request, which was measurable on the hot path (profile d) and feeds no tracer here. The property
     * {@code management.observations.enable.spring.security: false} that was used before only made the observations
     * no-ops after they were created; this removes the wrapping itself. The HTTP server metrics are not affected.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityProblemHandler securityProblemHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
        return new SecurityProblemHandler(exceptionResolver);
    }
}
