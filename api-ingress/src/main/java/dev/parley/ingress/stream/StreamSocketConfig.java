package dev.parley.ingress.stream;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableWebSocket
@EnableConfigurationProperties(StreamLimits.class)
class StreamSocketConfig implements WebSocketConfigurer, SchedulingConfigurer {

    static final String PATH = "/api/ws/stream";

    private final StreamSocketHandler handler;
    private final StreamProperties properties;

    StreamSocketConfig(StreamService streams, StreamHub hub, SseWriters writers, JsonMapper json,
            StreamProperties properties, SocketIdentity identity, Clock clock) {
        this.properties = properties;
        this.handler = new StreamSocketHandler(streams, hub, writers, new SocketFrames(json), properties, identity,
                clock);
    }

    /** SSE streams hold one of their user's open-stream slots while they last (after the security chain). */
    @Bean
    FilterRegistrationBean<OpenStreamsFilter> openStreamsFilter(OpenStreams open,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var registration = new FilterRegistrationBean<>(new OpenStreamsFilter(open, problems));
        registration.addUrlPatterns("/api/conversations/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    StreamSocketHandler streamSocketHandler() {
        return handler;
    }

    /**
     * Any origin: the handshake is authenticated by a bearer token the page must hold, never by a cookie, so
     * another site cannot ride on a user's browser session.
     */
    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH).setAllowedOriginPatterns("*");
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> handler.heartbeat(properties.heartbeatInterval()),
                properties.heartbeatInterval());
    }
}
