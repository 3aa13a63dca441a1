package dev.parley.ingress.websocket;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import tools.jackson.databind.json.JsonMapper;

import dev.parley.ingress.stream.AnswerFeed;
import dev.parley.ingress.stream.StreamHub;
import dev.parley.ingress.stream.StreamProperties;
import dev.parley.ingress.stream.StreamWriters;

@Configuration
@EnableWebSocket
class StreamSocketConfig implements WebSocketConfigurer, SchedulingConfigurer {

    static final String PATH = "/api/ws/stream";

    private final StreamSocketHandler handler;
    private final StreamProperties properties;

    StreamSocketConfig(AnswerFeed feed, StreamHub hub, StreamWriters writers, JsonMapper json,
            StreamProperties properties, SocketIdentity identity, Clock clock) {
        this.properties = properties;
        this.handler = new StreamSocketHandler(feed, hub, writers, new SocketFrames(json), identity, clock);
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
