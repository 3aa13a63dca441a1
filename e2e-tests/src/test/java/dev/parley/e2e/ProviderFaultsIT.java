package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.parley.e2e.Traffic.Posted;
import dev.parley.e2e.Traffic.User;
import tools.jackson.databind.JsonNode;

/**
 * Fault matrix: the provider answers 429 or 503 before the first token (the worker retries; the refused call costs
 * nothing), or fails after the first token (no retry: text went out; the partial usage is estimated and billed);
 * the mock's {@code mock-error} model fails mid-answer too. Each answer is stored and billed exactly.
 */
class ProviderFaultsIT {

    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start();
    }

    @Test
    void providerErrorsBeforeAndAfterTheFirstTokenAreBilledExactly() {
        User user = Traffic.signUp(system.api(), "provider-faults");
        String tag = UUID.randomUUID().toString();
        String rateLimited = "[429-first] " + tag;
        String overloaded = "[503-first] " + tag;
        Posted retried429 = Traffic.post(user, upstream(rateLimited));
        Posted retried503 = Traffic.post(user, upstream(overloaded));
        Posted broken = Traffic.post(user, upstream("[500-after-first-token] " + tag));
        Posted mockError = Traffic.post(user, Map.of("content", Faults.TOPICS, "model", "mock-error", "maxTokens", 60));
        List<Posted> all = List.of(retried429, retried503, broken, mockError);

        Map<String, JsonNode> answers = Books.awaitStored(all, Faults.SETTLE);
        assertThat(answers.get(retried429.messageId()).get("content").asString())
                .isEqualTo("Hello from the fake upstream.");
        assertThat(RunningSystem.UPSTREAM.calls(rateLimited)).as("refused once, then answered").isEqualTo(2);
        assertThat(answers.get(retried503.messageId()).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(RunningSystem.UPSTREAM.calls(overloaded)).isEqualTo(2);
        JsonNode failed = answers.get(broken.messageId());
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("content").asString()).isEqualTo("Hello");
        assertThat(failed.get("usage").get("source").asString()).isEqualTo("ESTIMATED");
        assertThat(answers.get(mockError.messageId()).get("status").asString()).isEqualTo("FAILED");

        Books.assertExact(system, all, Faults.SETTLE);
    }

    private static Map<String, Object> upstream(String content) {
        return Map.of("content", content, "model", FakeUpstream.MODEL, "maxTokens", 50);
    }
}
