package dev.parley.ingress.sse;

import java.util.List;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.ingress.stream.StreamEvent;

/** How a request's stream events are written as SSE events; one stream event may become several or none. */
@FunctionalInterface
public interface SseFormat {

    List<SseEmitter.SseEventBuilder> events(StreamEvent event);
}
