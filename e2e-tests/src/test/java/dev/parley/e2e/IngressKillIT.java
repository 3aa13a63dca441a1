package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.ApiClient.SseEvent;
import dev.parley.stack.ServiceProcess;

/**
 * Invariant 5 across instances: a client streams an answer from one api-ingress process, which is killed (SIGKILL)
 * mid-answer; the client resumes on another instance with Last-Event-ID and gets exactly the rest, and the answer
 * is stored whole.
 */
class IngressKillIT {

    static RunningSystem system;
    static ServiceProcess doomed;

    @BeforeAll
    static void startASecondIngress() throws Exception {
        system = RunningSystem.start();
        doomed = system.startExtraIngress("api-ingress-2");
    }

    @AfterAll
    static void stopIt() {
        if (doomed != null && doomed.isAlive()) {
            doomed.stop();
        }
    }

    @Test
    void clientResumesOnAnotherInstanceAfterItsInstanceWasKilled() {
        ApiClient onDoomed = signUp(new ApiClient(doomed.baseUrl()));
        ApiClient onSurvivor = onDoomed.on(system.ingress.baseUrl());
        String conversationId = onDoomed.post("/api/conversations", Map.of()).json().get("id").asString();
        var accepted = onDoomed.post("/api/conversations/" + conversationId + "/messages", Map.of("content",
                "Explain penguins, glaciers, volcanoes, deserts, oceans, forests, rivers and mountains",
                "maxTokens", 600));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String streamUrl = accepted.json().get("streamUrl").asString();

        var deltas = new AtomicInteger();
        List<SseEvent> before = onDoomed.stream(streamUrl, null,
                event -> event.name().equals("delta") && deltas.incrementAndGet() == 3);
        doomed.kill();
        assertThat(before).as("the answer was still streaming").noneMatch(ChatWalkthroughIT::terminal);

        List<SseEvent> after = onSurvivor.stream(streamUrl, before.getLast().id(), ChatWalkthroughIT::terminal);
        SseEvent done = after.getLast();
        assertThat(done.name()).isEqualTo("done");
        assertThat(Long.parseLong(after.getFirst().id())).isEqualTo(Long.parseLong(before.getLast().id()) + 1);
        String text = text(before) + text(after);
        assertThat(text).isNotBlank().isEqualTo(done.data().get("content").asString());
        String message = "/api/conversations/" + conversationId + "/messages/" + accepted.json().get("messageId")
                .asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var stored = onSurvivor.get(message).json();
            assertThat(stored.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(stored.get("content").asString()).isEqualTo(text);
        });
    }

    static String text(List<SseEvent> events) {
        return events.stream().filter(event -> event.name().equals("delta"))
                .map(event -> event.data().get("text").asString()).collect(Collectors.joining());
    }

    static ApiClient signUp(ApiClient anonymous) {
        String email = "ingress-kill-" + UUID.randomUUID() + "@example.com";
        Map<String, String> credentials = Map.of("email", email, "password", "correct horse battery");
        var registered = anonymous.post("/api/auth/register", credentials);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        var login = anonymous.post("/api/auth/login", credentials);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return anonymous.as(login.json().get("accessToken").asString());
    }
}
