package dev.parley.ingress.stream;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live streaming of answers to SSE clients.
 *
 * @param sseTimeout how long one SSE connection may stay open; the client reconnects with Last-Event-ID
 * @param heartbeatInterval how often idle connections get a comment, which detects clients that went away
 * @param maxBufferedEvents events kept per request for clients that connect late
 * @param maxBufferedChars text kept per request; beyond either bound late clients get only the final event's
 *        full text
 * @param retention how long a finished request's events stay for reconnecting clients
 * @param idleRetention how long an unfinished request that receives nothing is kept (e.g. its worker died)
 * @param maxQueuedPerClient events waiting for one slow client before it is disconnected
 * @param fanout this instance's own reading of chat.stream
 */
@Validated
@ConfigurationProperties("parley.stream")
public record StreamProperties(
        @DefaultValue("5m") @NotNull Duration sseTimeout,
        @DefaultValue("15s") @NotNull Duration heartbeatInterval,
        @DefaultValue("20000") @Min(1) int maxBufferedEvents,
        @DefaultValue("1000000") @Min(1) long maxBufferedChars,
        @DefaultValue("3m") @NotNull Duration retention,
        @DefaultValue("15m") @NotNull Duration idleRetention,
        @DefaultValue("10000") @Min(1) int maxQueuedPerClient,
        @DefaultValue @NotNull @Valid Fanout fanout) {

    /**
     * The per-instance fan-out consumer ({@code group-id} and {@code auto-offset-reset} are read by its listener).
     *
     * @param lookback how far back in chat.stream a starting instance reads, so that it holds every answer still
     *        in progress; longer than the longest answer (the worker's total call timeout plus queueing)
     */
    public record Fanout(@DefaultValue("15m") @NotNull Duration lookback) {
    }

    StreamHub.Limits limits() {
        return new StreamHub.Limits(maxBufferedEvents, maxBufferedChars, retention, idleRetention);
    }
}
