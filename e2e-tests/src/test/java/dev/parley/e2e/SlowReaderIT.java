package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;

/**
 * Fault matrix: an SSE client that stops reading (a 1 KB receive window, nothing read) while its answer and other
 * users' answers stream. The others stream at their normal pace, every answer is stored and billed exactly, and the
 * slow client still gets its answer once it reads (or, had it fallen too far behind, a closed stream it may resume).
 */
class SlowReaderIT {

    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
    }

    @Test
    void aClientThatStopsReadingHoldsUpNobodyAndItsAnswerIsStored() throws Exception {
        User slow = Traffic.signUp(system.api(), "slow-reader");
        List<Posted> slowPosts = new ArrayList<>();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Posted posted = Traffic.post(slow, Faults.longAnswer(i));
            slowPosts.add(posted);
            sockets.add(openWithoutReading(slow, posted.streamUrl()));
        }
        List<User> others = Traffic.signUp(system.api(), "normal-reader", 3);
        List<Posted> otherPosts = Traffic.burst(others, 2, Faults::longAnswer).accepted();

        Instant started = Instant.now();
        for (Posted posted : otherPosts) {
            var events = posted.user().api().stream(posted.streamUrl(), null, ChatWalkthroughIT::terminal);
            assertThat(events.getLast().name()).isEqualTo("done");
        }
        assertThat(Duration.between(started, Instant.now())).as("the others streamed at their pace")
                .isLessThan(Duration.ofSeconds(60));
        List<Posted> all = new ArrayList<>(slowPosts);
        all.addAll(otherPosts);
        Books.assertExact(system, all, Faults.SETTLE);

        for (Socket socket : sockets) {
            try (socket; InputStream in = socket.getInputStream()) {
                String received = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(received).as("its answer, or a stream the server closed").startsWith("HTTP/1.1 200");
            }
        }
    }

    /** Sends the SSE request on a socket with a tiny receive window and reads nothing. */
    private static Socket openWithoutReading(User user, String streamUrl) throws Exception {
        URI base = URI.create(system.ingress.baseUrl());
        var socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.setSoTimeout(120_000);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        OutputStream out = socket.getOutputStream();
        String token = user.api().token();
        out.write(("GET " + streamUrl + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
