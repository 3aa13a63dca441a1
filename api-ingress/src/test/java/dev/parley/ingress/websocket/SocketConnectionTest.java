package dev.parley.ingress.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** Frames are written in order on the executor; a write that fails ends the connection for the client too. */
class SocketConnectionTest {

    private final WebSocketSession session = mock(WebSocketSession.class);
    private final SocketConnection connection = new SocketConnection(session, Runnable::run, 10, Instant.now());

    @Test
    void framesAreWrittenWhileTheSessionTakesThem() throws Exception {
        assertThat(connection.offer(new TextMessage("one"))).isTrue();
        assertThat(connection.offer(new TextMessage("two"))).isTrue();

        verify(session, times(2)).sendMessage(any());
        verify(session, never()).close(any());
        assertThat(connection.open()).isTrue();
    }

    @Test
    void aSessionThatRefusesAFrameIsClosedSoThatTheClientReconnectsInsteadOfWaiting() throws Exception {
        willThrow(new IllegalStateException("concurrent write")).given(session).sendMessage(any());

        connection.offer(new TextMessage("lost"));

        verify(session).close(CloseStatus.SERVER_ERROR);
        assertThat(connection.open()).isFalse();
        assertThat(connection.offer(new TextMessage("after"))).as("nothing is written after a failed write").isFalse();
        verify(session, times(1)).sendMessage(any(WebSocketMessage.class));
    }

    @Test
    void aClientThatWentAwayEndsTheConnectionQuietly() throws Exception {
        willThrow(new IOException("broken pipe")).given(session).sendMessage(any());
        willThrow(new IOException("already closed")).given(session).close(any());

        connection.offer(new TextMessage("lost"));

        assertThat(connection.open()).isFalse();
        verify(session).close(CloseStatus.SERVER_ERROR);
    }
}
